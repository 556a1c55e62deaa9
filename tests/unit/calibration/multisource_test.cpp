// aggregate_feedback() on small hand-computed datasets: source means, renormalised weights,
// anonymity (withhold, merge, exempt sources), empirical-Bayes shrinkage, the scale, and the sample.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "kinerja/load.hpp"
#include "kinerja/multisource.hpp"
#include "support/dataset.hpp"
#include "support/people.hpp"

namespace {

using kin_test::load_valid;
using kinerja::FeedbackSource;
using kinerja::MultiSourceOptions;
using kinerja::MultiSourceScores;
using kinerja::no_index;
using kinerja::Period;
using kinerja::ShrinkGroup;
using kinerja::ShrinkStatus;
using kinerja::SourceStatus;

using kin_test::nip;
using kin_test::num;
using kin_test::write_employees;

// feedback.csv built row by row; rater 0 with a citizen id is a public rater.
struct FeedbackCsv {
  std::string text = "period,rater_nip,ratee_nip,source,score,aspect\n";
  FeedbackCsv& add(int rater, int ratee, const char* source, double score, const char* aspect = "a",
                   const char* period = "2025") {
    text += std::string(period) + "," + nip(rater) + "," + nip(ratee) + "," + source + "," + num(score) + "," + aspect +
            "\n";
    return *this;
  }
  FeedbackCsv& add_public(const std::string& citizen, int ratee, double score, const char* aspect = "a") {
    text += "2025," + citizen + "," + nip(ratee) + ",public," + num(score) + "," + aspect + "\n";
    return *this;
  }
};

// Ratees 1, 2, 3 in unit U and 4 in unit W; their raters 11..18 in unit V.
void write_shrinkage_employees(const kin_test::TempDir& dir) {
  std::vector<std::pair<int, std::string>> people = {{1, "U"}, {2, "U"}, {3, "U"}, {4, "W"}};
  for (int k = 11; k <= 18; ++k) people.emplace_back(k, "V");
  write_employees(dir, people);
}

const Period y2025 = Period::year(2025);

// The row of a ratee (employee k) and aspect name ("" = the overall row).
std::size_t row_of(const kinerja::Dataset& d, const MultiSourceScores& r, int k, const std::string& aspect) {
  const auto ratee = d.employees.nips.find(nip(k));
  const auto a = aspect.empty() ? no_index : d.feedback.aspects.find(aspect);
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.ratee[i] == ratee && r.aspect[i] == a) return i;
  }
  FAIL("no row for ratee " << k << " aspect '" << aspect << "'");
  return 0;
}

MultiSourceOptions no_shrinkage() {
  MultiSourceOptions o;
  o.shrinkage = false;
  return o;
}

// Ratee 1 with supervisor 2 (80), peers 3..5 (70, 74, 78), self (90): one aspect.
kinerja::Dataset supervisor_peers_self(const kin_test::TempDir& dir) {
  write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {4, "U"}, {5, "U"}});
  FeedbackCsv f;
  f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 70).add(4, 1, "peer", 74).add(5, 1, "peer", 78);
  f.add(1, 1, "self", 90);
  dir.write("feedback.csv", f.text);
  return load_valid(dir);
}

}  // namespace

TEST_SUITE("multisource") {
  TEST_CASE("source means are weighted 60/20/20 and self is reported beside them, not mixed in") {
    kin_test::TempDir dir;
    const auto d = supervisor_peers_self(dir);
    const auto r = kinerja::aggregate_feedback(d, y2025, no_shrinkage());
    REQUIRE(r.size() == 2);
    CHECK(r.aspect[0] == no_index);  // the overall row comes first
    CHECK(r.aspect[1] == d.feedback.aspects.find("a"));
    for (std::size_t i = 0; i < 2; ++i) {
      CAPTURE(i);
      CHECK(r.source(FeedbackSource::Supervisor).mean[i] == doctest::Approx(80));
      CHECK(r.source(FeedbackSource::Peer).mean[i] == doctest::Approx(74));
      CHECK(r.source(FeedbackSource::Peer).raters[i] == 3);
      CHECK(r.source(FeedbackSource::Peer).scores[i] == 3);
      CHECK(r.source(FeedbackSource::Peer).status[i] == SourceStatus::Used);
      CHECK(r.self().mean[i] == doctest::Approx(90));
      CHECK(r.self().status[i] == SourceStatus::Unweighted);
      CHECK(r.source(FeedbackSource::Subordinate).status[i] == SourceStatus::Absent);
      CHECK(std::isnan(r.source(FeedbackSource::Subordinate).mean[i]));
      CHECK(r.colleagues.status[i] == SourceStatus::Absent);
      // (60 * 80 + 20 * 74) / 80: subordinate is absent, so the weights renormalise over 80.
      CHECK(r.combined[i] == doctest::Approx(78.5));
      CHECK(r.weight[i] == doctest::Approx(80));
      // c = 0.75^2 / 1 + 0.25^2 / 3
      CHECK(r.effective_raters[i] == doctest::Approx(1.0 / (0.5625 + 0.0625 / 3)));
      CHECK(r.shrink_status[i] == ShrinkStatus::Disabled);
      CHECK(r.shrunk[i] == doctest::Approx(78.5));
      CHECK(r.shrinkage[i] == 1.0);
      CHECK(r.shrink_group[i] == ShrinkGroup::None);
    }
    // Giving self a weight mixes it in: (60 * 80 + 20 * 74 + 20 * 90) / 100.
    auto o = no_shrinkage();
    o.weights[static_cast<std::size_t>(FeedbackSource::Self)] = 20;
    const auto mixed = kinerja::aggregate_feedback(d, y2025, o);
    CHECK(mixed.combined[0] == doctest::Approx(80.8));
    CHECK(mixed.self().status[0] == SourceStatus::Used);
  }

  TEST_CASE("a missing source is left out, never counted as 0") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}});
    dir.write("feedback.csv", FeedbackCsv().add(2, 1, "supervisor", 80).text);
    const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025, no_shrinkage());
    CHECK(r.combined[0] == doctest::Approx(80));  // not 60 * 80 / 100 = 48
    CHECK(r.weight[0] == doctest::Approx(60));
    CHECK(r.effective_raters[0] == doctest::Approx(1));
  }

  TEST_CASE("withhold: peers below the minimum are hidden and dropped, exempt sources are not") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {4, "U"}, {5, "V"}, {6, "V"}, {7, "V"}});
    FeedbackCsv f;
    f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 70).add(4, 1, "peer", 74);
    f.add(5, 1, "subordinate", 80).add(6, 1, "subordinate", 84).add(7, 1, "subordinate", 88);
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    auto r = kinerja::aggregate_feedback(d, y2025, no_shrinkage());
    const auto& peer = r.source(FeedbackSource::Peer);
    CHECK(peer.status[0] == SourceStatus::Withheld);
    CHECK(std::isnan(peer.mean[0]));
    CHECK(peer.raters[0] == 2);
    CHECK(peer.scores[0] == 2);
    CHECK(r.source(FeedbackSource::Subordinate).status[0] == SourceStatus::Used);
    CHECK(r.source(FeedbackSource::Supervisor).status[0] == SourceStatus::Used);  // 1 rater, exempt
    CHECK(r.combined[0] == doctest::Approx((60 * 80 + 20 * 84) / 80.0));

    SUBCASE("a lower minimum shows the peers") {
      auto o = no_shrinkage();
      o.min_raters = 2;
      r = kinerja::aggregate_feedback(d, y2025, o);
      CHECK(r.source(FeedbackSource::Peer).mean[0] == doctest::Approx(72));
      CHECK(r.combined[0] == doctest::Approx((60 * 80 + 20 * 72 + 20 * 84) / 100.0));
    }
    SUBCASE("an exempt peer source is used with two raters") {
      auto o = no_shrinkage();
      o.anonymity_exempt[static_cast<std::size_t>(FeedbackSource::Peer)] = true;
      r = kinerja::aggregate_feedback(d, y2025, o);
      CHECK(r.source(FeedbackSource::Peer).status[0] == SourceStatus::Used);
    }
    SUBCASE("a supervisor that is not exempt is withheld with one rater") {
      auto o = no_shrinkage();
      o.anonymity_exempt[static_cast<std::size_t>(FeedbackSource::Supervisor)] = false;
      r = kinerja::aggregate_feedback(d, y2025, o);
      CHECK(r.source(FeedbackSource::Supervisor).status[0] == SourceStatus::Withheld);
      CHECK(r.combined[0] == doctest::Approx(84));
    }
  }

  TEST_CASE("merge: peers and subordinates below the minimum are pooled into colleagues") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {4, "U"}, {5, "V"}, {6, "V"}, {7, "V"}});
    MultiSourceOptions merge = no_shrinkage();
    merge.below_minimum = kinerja::AnonymityPolicy::Merge;

    SUBCASE("two peers and two subordinates reach the minimum together") {
      FeedbackCsv f;
      f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 70).add(4, 1, "peer", 74);
      f.add(5, 1, "subordinate", 80).add(6, 1, "subordinate", 84);
      dir.write("feedback.csv", f.text);
      const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025, merge);
      CHECK(r.source(FeedbackSource::Peer).status[0] == SourceStatus::Merged);
      CHECK(r.source(FeedbackSource::Subordinate).status[0] == SourceStatus::Merged);
      CHECK(std::isnan(r.source(FeedbackSource::Peer).mean[0]));
      CHECK(r.colleagues.status[0] == SourceStatus::Used);
      CHECK(r.colleagues.raters[0] == 4);
      CHECK(r.colleagues.mean[0] == doctest::Approx(77));
      CHECK(r.combined[0] == doctest::Approx((60 * 80 + 40 * 77) / 100.0));  // 78.8
      CHECK(r.weight[0] == doctest::Approx(100));
    }
    SUBCASE("a source at the minimum is pooled too, so the small one cannot be recovered") {
      FeedbackCsv f;
      f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 70).add(4, 1, "peer", 74);
      f.add(5, 1, "subordinate", 80).add(6, 1, "subordinate", 84).add(7, 1, "subordinate", 88);
      dir.write("feedback.csv", f.text);
      const auto d = load_valid(dir);
      const auto r = kinerja::aggregate_feedback(d, y2025, merge);
      CHECK(r.source(FeedbackSource::Subordinate).status[0] == SourceStatus::Merged);
      CHECK(r.colleagues.raters[0] == 5);
      CHECK(r.colleagues.mean[0] == doctest::Approx(79.2));
      CHECK(r.combined[0] == doctest::Approx((60 * 80 + 40 * 79.2) / 100.0));  // 79.68
      // The same data under withhold: the peers are dropped, the subordinates stay.
      const auto w = kinerja::aggregate_feedback(d, y2025, no_shrinkage());
      CHECK(w.combined[0] == doctest::Approx(81));
    }
    SUBCASE("two peers alone stay below the minimum and are withheld") {
      FeedbackCsv f;
      f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 70).add(4, 1, "peer", 74);
      dir.write("feedback.csv", f.text);
      const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025, merge);
      CHECK(r.source(FeedbackSource::Peer).status[0] == SourceStatus::Merged);
      CHECK(r.colleagues.status[0] == SourceStatus::Withheld);
      CHECK(std::isnan(r.colleagues.mean[0]));
      CHECK(r.colleagues.raters[0] == 2);
      CHECK(r.combined[0] == doctest::Approx(80));
    }
    SUBCASE("no pooling when both sources reach the minimum") {
      FeedbackCsv f;
      f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 70).add(4, 1, "peer", 74).add(8, 1, "peer", 78);
      f.add(5, 1, "subordinate", 80).add(6, 1, "subordinate", 84).add(7, 1, "subordinate", 88);
      write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {4, "U"}, {5, "V"}, {6, "V"}, {7, "V"}, {8, "U"}});
      dir.write("feedback.csv", f.text);
      const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025, merge);
      CHECK(r.colleagues.status[0] == SourceStatus::Absent);
      CHECK(r.source(FeedbackSource::Peer).status[0] == SourceStatus::Used);
      CHECK(r.combined[0] == doctest::Approx((60 * 80 + 20 * 74 + 20 * 84) / 100.0));
    }
  }

  TEST_CASE("public raters are citizens: reported unweighted by default, under the minimum too") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}});
    FeedbackCsv f;
    f.add(2, 1, "supervisor", 80).add_public("C-1", 1, 60).add_public("C-2", 1, 70).add_public("C-3", 1, 65);
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    auto r = kinerja::aggregate_feedback(d, y2025, no_shrinkage());
    CHECK(r.source(FeedbackSource::Public).status[0] == SourceStatus::Unweighted);
    CHECK(r.source(FeedbackSource::Public).raters[0] == 3);
    CHECK(r.source(FeedbackSource::Public).mean[0] == doctest::Approx(65));
    CHECK(r.combined[0] == doctest::Approx(80));
    auto o = no_shrinkage();
    o.weights[static_cast<std::size_t>(FeedbackSource::Public)] = 20;
    r = kinerja::aggregate_feedback(d, y2025, o);
    CHECK(r.combined[0] == doctest::Approx((60 * 80 + 20 * 65) / 80.0));
    o.min_raters = 4;
    r = kinerja::aggregate_feedback(d, y2025, o);
    CHECK(r.source(FeedbackSource::Public).status[0] == SourceStatus::Withheld);
    CHECK(r.combined[0] == doctest::Approx(80));
  }

  TEST_CASE("the overall row averages raters, and rows without an aspect count only there") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {4, "U"}, {5, "U"}});
    FeedbackCsv f;
    f.add(2, 1, "supervisor", 80, "a").add(2, 1, "supervisor", 90, "b").add(2, 1, "supervisor", 100, "");
    f.add(3, 1, "peer", 70, "a");
    f.add(4, 1, "peer", 60, "a").add(4, 1, "peer", 70, "b");
    f.add(5, 1, "peer", 76, "b");
    f.add(2, 1, "supervisor", 10, "a", "2025-Q1");  // another period: ignored
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    const auto r = kinerja::aggregate_feedback(d, y2025, no_shrinkage());
    REQUIRE(r.size() == 3);  // overall, a, b: no row for the empty aspect
    const std::size_t all = row_of(d, r, 1, ""), a = row_of(d, r, 1, "a"), b = row_of(d, r, 1, "b");
    // Overall: supervisor (80 + 90 + 100) / 3 = 90; peers' values 70, 65, 76 (one each), 4 scores.
    CHECK(r.source(FeedbackSource::Supervisor).mean[all] == doctest::Approx(90));
    CHECK(r.source(FeedbackSource::Peer).mean[all] == doctest::Approx((70 + 65 + 76) / 3.0));
    CHECK(r.source(FeedbackSource::Peer).scores[all] == 4);
    CHECK(r.combined[all] == doctest::Approx((60 * 90 + 20 * (70 + 65 + 76) / 3.0) / 80));
    // Per aspect: two peers each, withheld.
    CHECK(r.source(FeedbackSource::Peer).status[a] == SourceStatus::Withheld);
    CHECK(r.combined[a] == doctest::Approx(80));
    CHECK(r.combined[b] == doctest::Approx(90));
  }

  TEST_CASE("shrinkage toward the unit and, for a small unit, the agency, against a hand computation") {
    // Peers only (weight 1), two peers per ratee, minimum 2. Unit U: ratees 1, 2, 3; unit W: ratee
    // 4; both in agency A. The raters 11..18 sit in unit V of another agency.
    //   ratee 1: 70, 74 -> x = 72, ss = 8     ratee 2: 80, 84 -> 82, ss = 8
    //   ratee 3: 60, 68 -> 64, ss = 32        ratee 4: 90, 94 -> 92, ss = 8
    // s^2 = 56 / 4 = 14; c = 1/2 for everybody, noise s^2 c = 7.
    // Unit U: m = 218/3, S^2 = (4/9 + 784/9 + 676/9) / 2 = 244/3, tau^2 = 244/3 - 7 = 223/3,
    //         B = (223/3) / (223/3 + 7) = 223/244.
    // Ratee 4: W has one ratee, so agency A (four ratees): m = 77.5, S^2 = 443/3,
    //         tau^2 = 443/3 - 7 = 422/3, B = 422/443.
    kin_test::TempDir dir;
    dir.write("units.csv", "unit_id,agency_id\nU,A\nW,A\nV,B\n");
    write_shrinkage_employees(dir);
    FeedbackCsv f;
    f.add(11, 1, "peer", 70).add(12, 1, "peer", 74).add(13, 2, "peer", 80).add(14, 2, "peer", 84);
    f.add(15, 3, "peer", 60).add(16, 3, "peer", 68).add(17, 4, "peer", 90).add(18, 4, "peer", 94);
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    MultiSourceOptions o;
    o.weights = {0, 0, 1, 0, 0};
    o.min_raters = 2;
    auto r = kinerja::aggregate_feedback(d, y2025, o);
    REQUIRE(r.size() == 8);
    const std::size_t r1 = row_of(d, r, 1, "a"), r3 = row_of(d, r, 3, "a"), r4 = row_of(d, r, 4, "a");
    for (std::size_t i = 0; i < r.size(); ++i) {
      CAPTURE(i);
      CHECK(r.shrink_status[i] == ShrinkStatus::Shrunk);
      CHECK(r.within_variance[i] == doctest::Approx(14));
      CHECK(r.effective_raters[i] == doctest::Approx(2));
    }
    CHECK(r.shrink_group[r1] == ShrinkGroup::Unit);
    CHECK(r.shrink_target[r1] == doctest::Approx(218.0 / 3));
    CHECK(r.between_variance[r1] == doctest::Approx(223.0 / 3));
    CHECK(r.shrinkage[r1] == doctest::Approx(223.0 / 244));
    CHECK(r.shrunk[r1] == doctest::Approx(218.0 / 3 + 223.0 / 244 * (72 - 218.0 / 3)));
    CHECK(r.shrunk[r3] == doctest::Approx(218.0 / 3 + 223.0 / 244 * (64 - 218.0 / 3)));
    CHECK(r.shrink_group[r4] == ShrinkGroup::Agency);
    CHECK(r.shrink_target[r4] == doctest::Approx(77.5));
    CHECK(r.between_variance[r4] == doctest::Approx(422.0 / 3));
    CHECK(r.shrinkage[r4] == doctest::Approx(422.0 / 443));
    CHECK(r.shrunk[r4] == doctest::Approx(77.5 + 422.0 / 443 * 14.5));
    // The overall rows hold the same numbers (one aspect).
    CHECK(r.shrunk[row_of(d, r, 4, "")] == doctest::Approx(r.shrunk[r4]));

    SUBCASE("a larger minimum group sends unit U to the agency as well") {
      o.min_group_ratees = 4;
      r = kinerja::aggregate_feedback(d, y2025, o);
      CHECK(r.shrink_group[r1] == ShrinkGroup::Agency);
      CHECK(r.shrinkage[r1] == doctest::Approx(422.0 / 443));
      CHECK(r.shrunk[r1] == doctest::Approx(77.5 + 422.0 / 443 * (72 - 77.5)));
    }
    SUBCASE("beyond the period's ratees there is nothing to shrink toward") {
      o.min_group_ratees = 5;
      r = kinerja::aggregate_feedback(d, y2025, o);
      CHECK(r.shrink_status[r1] == ShrinkStatus::TooFewRatees);
      CHECK(r.shrinkage[r1] == 1.0);
      CHECK(r.shrunk[r1] == doctest::Approx(72));
      CHECK(std::isnan(r.shrink_target[r1]));
    }
  }

  TEST_CASE("without agencies a small unit is shrunk toward every ratee of the period") {
    kin_test::TempDir dir;
    write_shrinkage_employees(dir);
    FeedbackCsv f;
    f.add(11, 1, "peer", 70).add(12, 1, "peer", 74).add(13, 2, "peer", 80).add(14, 2, "peer", 84);
    f.add(15, 3, "peer", 60).add(16, 3, "peer", 68).add(17, 4, "peer", 90).add(18, 4, "peer", 94);
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    MultiSourceOptions o;
    o.weights = {0, 0, 1, 0, 0};
    o.min_raters = 2;
    const auto r = kinerja::aggregate_feedback(d, y2025, o);
    const std::size_t r4 = row_of(d, r, 4, "a");
    CHECK(r.shrink_group[r4] == ShrinkGroup::All);
    CHECK(r.shrinkage[r4] == doctest::Approx(422.0 / 443));
  }

  TEST_CASE("shrinkage needs a within-ratee variance") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {9, "V"}});
    FeedbackCsv f;
    f.add(9, 1, "supervisor", 70).add(9, 2, "supervisor", 80).add(9, 3, "supervisor", 90);
    dir.write("feedback.csv", f.text);
    const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025);
    for (std::size_t i = 0; i < r.size(); ++i) {
      CHECK(r.shrink_status[i] == ShrinkStatus::NoWithinVariance);
      CHECK(std::isnan(r.within_variance[i]));
      CHECK(r.shrinkage[i] == 1.0);
      CHECK(r.shrunk[i] == r.combined[i]);
    }
  }

  TEST_CASE("degenerate input gives no NaN without a status") {
    SUBCASE("one rater, one ratee") {
      kin_test::TempDir dir;
      write_employees(dir, {{1, "U"}, {2, "U"}});
      dir.write("feedback.csv", FeedbackCsv().add(2, 1, "supervisor", 75).text);
      const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025);
      REQUIRE(r.size() == 2);
      CHECK(r.shrink_status[0] == ShrinkStatus::TooFewRatees);
      CHECK(r.shrunk[0] == 75);
      CHECK(r.shrinkage[0] == 1.0);
    }
    SUBCASE("all scores equal: no variance at all, nothing to shrink") {
      kin_test::TempDir dir;
      write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}, {11, "V"}, {12, "V"}});
      FeedbackCsv f;
      for (int ratee = 1; ratee <= 3; ++ratee) f.add(11, ratee, "peer", 80).add(12, ratee, "peer", 80);
      dir.write("feedback.csv", f.text);
      MultiSourceOptions o;
      o.min_raters = 2;
      const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025, o);
      for (std::size_t i = 0; i < r.size(); ++i) {
        CHECK(r.shrink_status[i] == ShrinkStatus::Shrunk);
        CHECK(r.within_variance[i] == 0);
        CHECK(r.between_variance[i] == 0);
        CHECK(r.shrinkage[i] == 1.0);
        CHECK(r.shrunk[i] == doctest::Approx(80));
      }
    }
    SUBCASE("only a self rating: no combined score, with the reason") {
      kin_test::TempDir dir;
      write_employees(dir, {{1, "U"}});
      dir.write("feedback.csv", FeedbackCsv().add(1, 1, "self", 88).text);
      const auto r = kinerja::aggregate_feedback(load_valid(dir), y2025);
      CHECK(r.shrink_status[0] == ShrinkStatus::NoCombined);
      CHECK(std::isnan(r.combined[0]));
      CHECK(std::isnan(r.shrunk[0]));
      CHECK(r.weight[0] == 0);
      CHECK(r.effective_raters[0] == 0);
      CHECK(r.self().mean[0] == doctest::Approx(88));
    }
    SUBCASE("no feedback in the period: an empty table") {
      kin_test::TempDir dir;
      write_employees(dir, {{1, "U"}, {2, "U"}});
      dir.write("feedback.csv", FeedbackCsv().add(2, 1, "supervisor", 75, "a", "2024").text);
      CHECK(kinerja::aggregate_feedback(load_valid(dir), y2025).size() == 0);
    }
  }

  TEST_CASE("a score outside the scale is an error naming the feedback row") {
    kin_test::TempDir dir;
    write_employees(dir, {{1, "U"}, {2, "U"}, {3, "U"}});
    FeedbackCsv f;
    f.add(2, 1, "supervisor", 80).add(3, 1, "peer", 120).add(2, 3, "supervisor", -5);
    f.add(3, 1, "peer", 500, "a", "2024");  // another period: not checked
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    try {
      kinerja::aggregate_feedback(d, y2025);
      FAIL("no error");
    } catch (const kinerja::error& e) {
      CHECK(e.code() == kinerja::errc::InvalidData);
      CHECK(e.where().line == 3);
      CHECK(e.where().file.find("feedback.csv") != std::string::npos);
      CHECK(e.message().find("120") != std::string::npos);
      CHECK(e.message().find("1 more") != std::string::npos);
    }
    MultiSourceOptions wide;
    wide.scale_min = -10;
    wide.scale_max = 150;
    CHECK(kinerja::aggregate_feedback(d, y2025, wide).size() == 4);
  }

  TEST_CASE("invalid options are rejected") {
    kin_test::TempDir dir;
    const auto d = supervisor_peers_self(dir);
    auto expect_invalid = [&](const MultiSourceOptions& o) {
      try {
        kinerja::aggregate_feedback(d, y2025, o);
        FAIL("no error");
      } catch (const kinerja::error& e) {
        CHECK(e.code() == kinerja::errc::InvalidArgument);
      }
    };
    MultiSourceOptions o;
    o.weights[0] = -1;
    expect_invalid(o);
    o.weights = {0, 0, 0, 0, 0};
    expect_invalid(o);
    o = {};
    o.weights[2] = std::nan("");
    expect_invalid(o);
    o = {};
    o.min_group_ratees = 1;
    expect_invalid(o);
    o = {};
    o.scale_min = 100;
    o.scale_max = 100;
    expect_invalid(o);
  }

  TEST_CASE("the sample: every NaN has a status, B lies in 0..1, shrinkage pulls toward the target") {
    kinerja::Diagnostics diags;
    const auto d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    REQUIRE(!diags.has_errors());
    for (const auto policy : {kinerja::AnonymityPolicy::Withhold, kinerja::AnonymityPolicy::Merge}) {
      MultiSourceOptions o;
      o.below_minimum = policy;
      const auto r = kinerja::aggregate_feedback(d, y2025, o);
      CAPTURE(kinerja::to_string(policy));
      REQUIRE(r.size() > 2000);
      std::size_t shrunk = 0;
      for (std::size_t i = 0; i < r.size(); ++i) {
        for (std::size_t s = 0; s < kinerja::feedback_source_count; ++s) {
          const auto st = r.sources[s].status[i];
          const bool hidden = st == SourceStatus::Absent || st == SourceStatus::Withheld || st == SourceStatus::Merged;
          if (std::isnan(r.sources[s].mean[i]) != hidden) FAIL_CHECK("source mean NaN without a status, row " << i);
        }
        if (std::isnan(r.combined[i]) != (r.shrink_status[i] == ShrinkStatus::NoCombined)) {
          FAIL_CHECK("combined NaN without a status, row " << i);
        }
        if (r.shrink_status[i] == ShrinkStatus::NoCombined) continue;
        if (!(r.shrinkage[i] >= 0 && r.shrinkage[i] <= 1)) FAIL_CHECK("B outside 0..1, row " << i);
        if (r.shrink_status[i] != ShrinkStatus::Shrunk) continue;
        ++shrunk;
        const double before = std::fabs(r.combined[i] - r.shrink_target[i]);
        const double after = std::fabs(r.shrunk[i] - r.shrink_target[i]);
        if (after > before + 1e-9) FAIL_CHECK("shrinkage moved away from the target, row " << i);
      }
      CHECK(shrunk > r.size() / 2);
    }
  }
}
