// The kurva distribusi of SE MenPANRB 3/2023: the test vectors D1-D13
// under each rounding and majority policy, and the suggested changes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "kinerja/distribution.hpp"
#include "kinerja/error.hpp"

using kinerja::DistributionMember;
using kinerja::DistributionPolicy;
using kinerja::MajorityRule;
using kinerja::OrgPredikat;
using kinerja::Predikat;
using kinerja::PredikatCounts;
using kinerja::RoundingPolicy;
using kinerja::SuggestedChange;

namespace {

constexpr DistributionPolicy exact{RoundingPolicy::Exact, MajorityRule::Warn};
constexpr DistributionPolicy round_half_up{RoundingPolicy::RoundHalfUp, MajorityRule::Warn};
constexpr DistributionPolicy lenient{RoundingPolicy::Lenient, MajorityRule::Warn};

constexpr double no_evidence = std::numeric_limits<double>::quiet_NaN();

// The violation codes, ';'-separated as in the output files.
std::string codes(const kinerja::DistributionCheck& check) {
  std::string out;
  for (const auto& v : check.violations) out += (out.empty() ? "" : ";") + v.code;
  return out;
}

// Members with the given counts: ids 1, 2, ... best class first; within a class the evidence
// rises from a base by 1 per member (Baik: 87.5, 88.5, ...), so the first member of each class
// has its lowest evidence and the last its highest.
std::vector<DistributionMember> members_of(const PredikatCounts& counts) {
  const double base[] = {110.5, 87.5, 70.5, 50.5, 30.5};
  std::vector<DistributionMember> members;
  std::uint32_t id = 1;
  for (Predikat p : kinerja::all_predikat) {
    const auto c = static_cast<std::size_t>(p);
    for (int k = 0; k < counts[c]; ++k) members.push_back({id++, p, base[c] + k});
  }
  return members;
}

PredikatCounts counts_of(const std::vector<DistributionMember>& members) {
  PredikatCounts counts{};
  for (const auto& m : members) ++counts[static_cast<std::size_t>(m.predikat)];
  return counts;
}

// The members after the Penilai accepts every suggestion.
std::vector<DistributionMember> apply(std::vector<DistributionMember> members,
                                      const std::vector<SuggestedChange>& changes) {
  for (const SuggestedChange& change : changes) {
    int found = 0;
    for (auto& m : members) {
      if (m.id != change.id) continue;
      CHECK(m.predikat == change.from);
      m.predikat = change.to;
      ++found;
    }
    CHECK(found == 1);
  }
  return members;
}

// Suggests for a unit with these counts, applies the changes and checks the result is valid.
std::vector<SuggestedChange> suggest_and_verify(OrgPredikat org, const PredikatCounts& counts,
                                                const DistributionPolicy& policy = {}) {
  const auto members = members_of(counts);
  auto changes = kinerja::suggest_distribution_changes(org, members, policy);
  const auto after = counts_of(apply(members, changes));
  const auto check = kinerja::check_distribution(org, after, policy);
  CHECK_MESSAGE(check.valid, codes(check));
  return changes;
}

}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("D1-D13: the SE 3/2023 curve under Exact and RoundHalfUp rounding") {
    struct Vector {
      const char* name;
      OrgPredikat org;
      PredikatCounts counts;
      bool exact_valid;
      const char* exact_codes;
      bool round_valid;
      const char* round_codes;
    };
    const Vector vectors[] = {
        {"D1", OrgPredikat::Baik, {3, 14, 2, 1, 0}, true, "", true, ""},
        {"D2", OrgPredikat::Baik, {3, 15, 2, 0, 0}, false, "baik.b_max_70", false, "baik.b_max_70"},
        {"D3", OrgPredikat::Baik, {6, 14, 0, 0, 0}, false, "baik.bp_km_required", false, "baik.bp_km_required"},
        {"D4", OrgPredikat::ButuhPerbaikan, {2, 5, 13, 0, 0}, true, "", true, ""},
        {"D5", OrgPredikat::ButuhPerbaikan, {3, 4, 13, 0, 0}, false, "butuh_perbaikan.sb_max_10", false,
         "butuh_perbaikan.sb_max_10"},
        {"D6", OrgPredikat::Kurang, {0, 1, 1, 4, 1}, false, "kurang.km_min_60", true, ""},
        {"D7", OrgPredikat::Kurang, {1, 0, 1, 5, 0}, false, "kurang.sb_max_10", true, ""},
        {"D8", OrgPredikat::SangatKurang, {0, 2, 1, 1, 6}, true, "", true, ""},
        {"D9", OrgPredikat::SangatKurang, {1, 3, 0, 0, 6}, false, "sangat_kurang.sb_none;sangat_kurang.bp_km_min_10",
         false, "sangat_kurang.sb_none;sangat_kurang.bp_km_min_10"},
        {"D10", OrgPredikat::Istimewa, {7, 3, 0, 0, 0}, true, "", true, ""},
        {"D11", OrgPredikat::Istimewa, {8, 2, 0, 0, 0}, false, "istimewa.sb_max_70", false, "istimewa.sb_max_70"},
        {"D12", OrgPredikat::Istimewa, {4, 6, 0, 0, 0}, true, "istimewa.sb_majority", true, "istimewa.sb_majority"},
        {"D13", OrgPredikat::Baik, {10, 63, 10, 7, 0}, true, "", true, ""},
    };
    for (const Vector& v : vectors) {
      CAPTURE(v.name);
      const auto e = kinerja::check_distribution(v.org, v.counts, exact);
      CHECK(e.valid == v.exact_valid);
      CHECK(codes(e) == v.exact_codes);
      const auto r = kinerja::check_distribution(v.org, v.counts, round_half_up);
      CHECK(r.valid == v.round_valid);
      CHECK(codes(r) == v.round_codes);
      int n = 0;
      for (int c : v.counts) n += c;
      CHECK(e.employees == n);
    }
  }

  TEST_CASE("violation messages give the count, n and the whole-number limit") {
    const auto d2 = kinerja::check_distribution(OrgPredikat::Baik, {3, 15, 2, 0, 0});
    REQUIRE(d2.violations.size() == 1);
    CHECK(d2.violations[0].hard);
    CHECK(d2.violations[0].message == "Baik 15 of 20 exceeds 70% (at most 14)");

    const auto d3 = kinerja::check_distribution(OrgPredikat::Baik, {6, 14, 0, 0, 0});
    CHECK(d3.violations.at(0).message == "Butuh Perbaikan + Kurang/Misconduct 0 of 20: at least 1 required");

    const auto d6 = kinerja::check_distribution(OrgPredikat::Kurang, {0, 1, 1, 4, 1});
    CHECK(d6.violations.at(0).message == "Kurang/Misconduct 4 of 7 is below 60% (at least 5)");

    const auto d9 = kinerja::check_distribution(OrgPredikat::SangatKurang, {1, 3, 0, 0, 6});
    REQUIRE(d9.violations.size() == 2);
    CHECK(d9.violations[0].message == "Sangat Baik 1 of 10: none allowed");
    CHECK(d9.violations[1].message == "Butuh Perbaikan + Kurang/Misconduct 0 of 10 is below 10% (at least 1)");

    const auto d12 = kinerja::check_distribution(OrgPredikat::Istimewa, {4, 6, 0, 0, 0});
    CHECK(d12.violations.at(0).message == "Sangat Baik 4 of 10 is not most (more than 50%, at least 6)");
  }

  TEST_CASE("D13: 70% of 90 is exactly 63 although 0.7 * 90 is 62.99999999999999 in double") {
    volatile double seventy_percent = 0.7;  // volatile: the trap must not be folded away
    CHECK(std::floor(seventy_percent * 90) == doctest::Approx(62));
    for (const auto& policy : {exact, round_half_up, lenient}) {
      CHECK(kinerja::check_distribution(OrgPredikat::Baik, {10, 63, 10, 7, 0}, policy).valid);
      CHECK_FALSE(kinerja::check_distribution(OrgPredikat::Baik, {10, 64, 9, 7, 0}, policy).valid);
    }
  }

  TEST_CASE("Lenient rounding accepts D6 and D7 and the borderline units the others reject") {
    CHECK(kinerja::check_distribution(OrgPredikat::Kurang, {0, 1, 1, 4, 1}, lenient).valid);
    CHECK(kinerja::check_distribution(OrgPredikat::Kurang, {1, 0, 1, 5, 0}, lenient).valid);
    // BP min 10% of 7 = 0.7: Lenient needs floor = 0, RoundHalfUp needs 1.
    CHECK(kinerja::check_distribution(OrgPredikat::Kurang, {0, 2, 0, 5, 0}, lenient).valid);
    CHECK(codes(kinerja::check_distribution(OrgPredikat::Kurang, {0, 2, 0, 5, 0}, round_half_up)) ==
          "kurang.bp_min_10");
    // Baik max 70% of 19 = 13.3: Lenient allows ceil = 14, the others 13.
    const PredikatCounts nineteen = {0, 14, 5, 0, 0};
    CHECK(kinerja::check_distribution(OrgPredikat::Baik, nineteen, lenient).valid);
    CHECK_FALSE(kinerja::check_distribution(OrgPredikat::Baik, nineteen, round_half_up).valid);
    CHECK_FALSE(kinerja::check_distribution(OrgPredikat::Baik, nineteen, exact).valid);
    // 70% of 21 = 14.7: RoundHalfUp and Lenient allow 15, Exact 14.
    const PredikatCounts twenty_one = {0, 15, 6, 0, 0};
    CHECK(kinerja::check_distribution(OrgPredikat::Baik, twenty_one, round_half_up).valid);
    CHECK(kinerja::check_distribution(OrgPredikat::Baik, twenty_one, lenient).valid);
    CHECK_FALSE(kinerja::check_distribution(OrgPredikat::Baik, twenty_one, exact).valid);
    // "None" stays none under every policy.
    CHECK_FALSE(kinerja::check_distribution(OrgPredikat::SangatKurang, {1, 2, 3, 3, 11}, lenient).valid);
  }

  TEST_CASE("D12: the majority rule warns by default, fails under Enforce and is silent under Ignore") {
    const PredikatCounts d12 = {4, 6, 0, 0, 0};
    const auto warn =
        kinerja::check_distribution(OrgPredikat::Istimewa, d12, {RoundingPolicy::Exact, MajorityRule::Warn});
    CHECK(warn.valid);
    REQUIRE(warn.violations.size() == 1);
    CHECK(warn.violations[0].code == "istimewa.sb_majority");
    CHECK_FALSE(warn.violations[0].hard);

    const auto enforce =
        kinerja::check_distribution(OrgPredikat::Istimewa, d12, {RoundingPolicy::Exact, MajorityRule::Enforce});
    CHECK_FALSE(enforce.valid);
    REQUIRE(enforce.violations.size() == 1);
    CHECK(enforce.violations[0].hard);

    const auto ignore =
        kinerja::check_distribution(OrgPredikat::Istimewa, d12, {RoundingPolicy::Exact, MajorityRule::Ignore});
    CHECK(ignore.valid);
    CHECK(ignore.violations.empty());

    // Exactly half is not "most"; one more is.
    CHECK(codes(kinerja::check_distribution(OrgPredikat::Baik, {0, 5, 5, 0, 0})) == "baik.b_majority");
    CHECK(codes(kinerja::check_distribution(OrgPredikat::Baik, {0, 6, 5, 0, 0})).empty());
  }

  TEST_CASE("an empty unit is valid and negative counts are rejected") {
    for (auto org : {OrgPredikat::Istimewa, OrgPredikat::Baik, OrgPredikat::ButuhPerbaikan, OrgPredikat::Kurang,
                     OrgPredikat::SangatKurang}) {
      const auto check = kinerja::check_distribution(org, {0, 0, 0, 0, 0});
      CHECK(check.valid);
      CHECK(check.violations.empty());
      CHECK(check.employees == 0);
      CHECK(kinerja::suggest_distribution_changes(org, {}).empty());
    }
    CHECK_THROWS_AS(kinerja::check_distribution(OrgPredikat::Baik, {1, -1, 0, 0, 0}), kinerja::error);
  }

  TEST_CASE("D2: the Baik with the lowest evidence moves down to Butuh Perbaikan") {
    const auto changes = suggest_and_verify(OrgPredikat::Baik, {3, 15, 2, 0, 0});
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].id == 4);  // ids 1-3 are Sangat Baik; id 4 is the first (lowest) Baik
    CHECK(changes[0].from == Predikat::Baik);
    CHECK(changes[0].to == Predikat::ButuhPerbaikan);
    CHECK(changes[0].reason ==
          "demote: Baik 15 of 20 exceeds 70% (at most 14) for organisation Baik [baik.b_max_70]; "
          "lowest evidence in Baik (87.5)");
  }

  TEST_CASE("D3: an org Baik without Butuh Perbaikan or Kurang/Misconduct gets one from Baik") {
    const auto changes = suggest_and_verify(OrgPredikat::Baik, {6, 14, 0, 0, 0});
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].id == 7);
    CHECK(changes[0].from == Predikat::Baik);
    CHECK(changes[0].to == Predikat::ButuhPerbaikan);
    CHECK(changes[0].reason ==
          "demote: Butuh Perbaikan + Kurang/Misconduct 0 of 20: at least 1 required for organisation Baik "
          "[baik.bp_km_required]; lowest evidence in Baik (87.5)");
  }

  TEST_CASE("D5 and D11: the weakest Sangat Baik over the cap moves down to Baik") {
    const auto d5 = suggest_and_verify(OrgPredikat::ButuhPerbaikan, {3, 4, 13, 0, 0});
    REQUIRE(d5.size() == 1);
    CHECK(d5[0].id == 1);
    CHECK(d5[0].to == Predikat::Baik);
    CHECK(d5[0].reason.find("[butuh_perbaikan.sb_max_10]") != std::string::npos);

    const auto d11 = suggest_and_verify(OrgPredikat::Istimewa, {8, 2, 0, 0, 0});
    REQUIRE(d11.size() == 1);
    CHECK(d11[0].id == 1);
    CHECK(d11[0].from == Predikat::SangatBaik);
    CHECK(d11[0].to == Predikat::Baik);
    CHECK(d11[0].reason ==
          "demote: Sangat Baik 8 of 10 exceeds 70% (at most 7) for organisation Istimewa [istimewa.sb_max_70]; "
          "lowest evidence in Sangat Baik (110.5)");
  }

  TEST_CASE("D9: both violations are repaired, one change each") {
    const auto changes = suggest_and_verify(OrgPredikat::SangatKurang, {1, 3, 0, 0, 6});
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].id == 1);
    CHECK(changes[0].from == Predikat::SangatBaik);
    CHECK(changes[0].to == Predikat::Baik);
    CHECK(changes[0].reason.find("[sangat_kurang.sb_none]") != std::string::npos);
    CHECK(changes[1].id == 2);  // the Baik with the lowest evidence; id 1 already moved
    CHECK(changes[1].from == Predikat::Baik);
    CHECK(changes[1].to == Predikat::ButuhPerbaikan);
    CHECK(changes[1].reason.find("[sangat_kurang.bp_km_min_10]") != std::string::npos);
  }

  TEST_CASE("a valid unit needs no change") {
    CHECK(suggest_and_verify(OrgPredikat::Baik, {3, 14, 2, 1, 0}).empty());
    CHECK(suggest_and_verify(OrgPredikat::Istimewa, {4, 6, 0, 0, 0}).empty());  // a warning only
  }

  TEST_CASE("ties go to the lower id and members without evidence move last") {
    // Org Baik, 10 Baik: 3 must leave the 70% cap (at most 7), which also supplies the required BP.
    std::vector<DistributionMember> members = {
        {10, Predikat::Baik, no_evidence}, {9, Predikat::Baik, 80.0},  {8, Predikat::Baik, 95.0},
        {7, Predikat::Baik, 80.0},         {6, Predikat::Baik, 99.0},  {5, Predikat::Baik, no_evidence},
        {4, Predikat::Baik, 101.0},        {3, Predikat::Baik, 102.0}, {2, Predikat::Baik, 103.0},
        {1, Predikat::Baik, 104.0},
    };
    const auto changes = kinerja::suggest_distribution_changes(OrgPredikat::Baik, members);
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].id == 7);
    CHECK(changes[1].id == 9);
    CHECK(changes[2].id == 8);
    CHECK(kinerja::check_distribution(OrgPredikat::Baik, counts_of(apply(members, changes))).valid);

    // Only members without evidence: the lowest ids, with a reason that says so.
    for (auto& m : members) m.evidence = no_evidence;
    const auto blind = kinerja::suggest_distribution_changes(OrgPredikat::Baik, members);
    REQUIRE(blind.size() == 3);
    CHECK(blind[0].id == 1);
    CHECK(blind[1].id == 2);
    CHECK(blind[2].id == 3);
    CHECK(blind[0].reason.find("no evidence in Baik") != std::string::npos);
  }

  TEST_CASE("an under-filled class takes the strongest member of the class below when the class above must stay") {
    // Org Kurang, n = 10: KM needs 6; the only BP must stay (BP min 10%), so 3 SK move up.
    const auto changes = suggest_and_verify(OrgPredikat::Kurang, {0, 2, 1, 3, 4});
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].id == 10);  // SK ids 7-10, evidence 30.5-33.5: the highest first
    CHECK(changes[1].id == 9);
    CHECK(changes[2].id == 8);
    for (const auto& c : changes) {
      CHECK(c.from == Predikat::SangatKurang);
      CHECK(c.to == Predikat::KurangMisconduct);
    }
    CHECK(changes[0].reason ==
          "promote: Kurang/Misconduct 3 of 10 is below 60% (at least 6) for organisation Kurang "
          "[kurang.km_min_60]; highest evidence in Sangat Kurang (33.5)");

    // D6 under Exact: KM 4 of 7 needs 5; the SK member moves up.
    const auto d6 = suggest_and_verify(OrgPredikat::Kurang, {0, 1, 1, 4, 1});
    REQUIRE(d6.size() == 1);
    CHECK(d6[0].id == 7);
    CHECK(d6[0].to == Predikat::KurangMisconduct);
    CHECK(suggest_and_verify(OrgPredikat::Kurang, {0, 1, 1, 4, 1}, round_half_up).empty());
  }

  TEST_CASE("when the nearer classes are empty a member moves more than one step") {
    // Org Kurang where everybody is Baik: one to BP, then six straight to Kurang/Misconduct.
    const auto changes = suggest_and_verify(OrgPredikat::Kurang, {0, 10, 0, 0, 0});
    REQUIRE(changes.size() == 7);
    CHECK(changes[0].to == Predikat::ButuhPerbaikan);
    for (std::size_t i = 1; i < changes.size(); ++i) {
      CHECK(changes[i].from == Predikat::Baik);
      CHECK(changes[i].to == Predikat::KurangMisconduct);
    }
  }

  TEST_CASE("a member that moves twice is one change from its original to its final predikat") {
    // Org Butuh Perbaikan of 1: the Sangat Baik leaves the 10% cap (0 allowed), then fills the
    // 60% floor of Butuh Perbaikan (1 needed).
    const auto changes = suggest_and_verify(OrgPredikat::ButuhPerbaikan, {1, 0, 0, 0, 0});
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].from == Predikat::SangatBaik);
    CHECK(changes[0].to == Predikat::ButuhPerbaikan);
    CHECK(changes[0].reason ==
          "demote: Sangat Baik 1 of 1 exceeds 10% (at most 0) for organisation Butuh Perbaikan "
          "[butuh_perbaikan.sb_max_10]; lowest evidence in Sangat Baik (110.5); then "
          "demote: Butuh Perbaikan 0 of 1 is below 60% (at least 1) for organisation Butuh Perbaikan "
          "[butuh_perbaikan.bp_min_60]; lowest evidence in Baik (110.5)");
  }

  TEST_CASE("Enforce fills the majority by promoting the strongest, an impossible unit gets what helps") {
    const DistributionPolicy enforce{RoundingPolicy::Exact, MajorityRule::Enforce};
    const auto d12 = suggest_and_verify(OrgPredikat::Istimewa, {4, 6, 0, 0, 0}, enforce);
    REQUIRE(d12.size() == 2);
    CHECK(d12[0].id == 10);  // Baik ids 5-10: the highest evidence first
    CHECK(d12[1].id == 9);
    CHECK(d12[0].to == Predikat::SangatBaik);

    // n = 4: the 70% cap allows 2 Sangat Baik, the majority needs 3. Nothing can satisfy both,
    // so no change reduces the shortfall and none is suggested.
    const auto members = members_of({3, 1, 0, 0, 0});
    CHECK(kinerja::suggest_distribution_changes(OrgPredikat::Istimewa, members, enforce).empty());
    // Under Warn the cap alone binds: one Sangat Baik moves down.
    CHECK(suggest_and_verify(OrgPredikat::Istimewa, {3, 1, 0, 0, 0}).size() == 1);
  }

  TEST_CASE("every feasible small unit becomes valid after the suggestions") {
    // Exhaustive over n = 1..10, every organisation, rounding and majority policy: whenever some
    // distribution of n employees satisfies the binding rules, the suggestions reach one.
    const OrgPredikat orgs[] = {OrgPredikat::Istimewa, OrgPredikat::Baik, OrgPredikat::ButuhPerbaikan,
                                OrgPredikat::Kurang, OrgPredikat::SangatKurang};
    int units = 0;
    for (int n = 1; n <= 10; ++n) {
      std::vector<PredikatCounts> all;
      for (int a = 0; a <= n; ++a)
        for (int b = 0; a + b <= n; ++b)
          for (int c = 0; a + b + c <= n; ++c)
            for (int d = 0; a + b + c + d <= n; ++d) all.push_back({a, b, c, d, n - a - b - c - d});
      for (OrgPredikat org : orgs) {
        for (auto rounding : {RoundingPolicy::Exact, RoundingPolicy::RoundHalfUp, RoundingPolicy::Lenient}) {
          for (auto majority : {MajorityRule::Warn, MajorityRule::Enforce}) {
            const DistributionPolicy policy{rounding, majority};
            bool feasible = false;
            for (const auto& counts : all) {
              feasible = feasible || kinerja::check_distribution(org, counts, policy).valid;
            }
            if (!feasible) continue;
            for (const auto& counts : all) {
              const auto members = members_of(counts);
              const auto changes = kinerja::suggest_distribution_changes(org, members, policy);
              const auto after = counts_of(apply(members, changes));
              if (!kinerja::check_distribution(org, after, policy).valid) {
                FAIL_CHECK("n=" << n << " org=" << kinerja::to_string(org) << " counts=" << counts[0] << "/"
                                << counts[1] << "/" << counts[2] << "/" << counts[3] << "/" << counts[4]);
              }
              ++units;
            }
          }
        }
      }
    }
    CHECK(units > 0);
  }

  TEST_CASE("duplicate ids and invalid predikat are rejected") {
    const std::vector<DistributionMember> duplicate = {{1, Predikat::Baik, 90.0}, {1, Predikat::Baik, 91.0}};
    CHECK_THROWS_AS(kinerja::suggest_distribution_changes(OrgPredikat::Baik, duplicate), kinerja::error);
    const std::vector<DistributionMember> invalid = {{1, static_cast<Predikat>(9), 90.0}};
    CHECK_THROWS_AS(kinerja::suggest_distribution_changes(OrgPredikat::Baik, invalid), kinerja::error);
  }

  TEST_CASE("the rule codes are the documented stable strings") {
    namespace rule = kinerja::distribution_rule;
    CHECK(rule::istimewa_sb_max_70 == "istimewa.sb_max_70");
    CHECK(rule::istimewa_sb_majority == "istimewa.sb_majority");
    CHECK(rule::baik_b_max_70 == "baik.b_max_70");
    CHECK(rule::baik_b_majority == "baik.b_majority");
    CHECK(rule::baik_bp_km_required == "baik.bp_km_required");
    CHECK(rule::butuh_perbaikan_sb_max_10 == "butuh_perbaikan.sb_max_10");
    CHECK(rule::butuh_perbaikan_bp_min_60 == "butuh_perbaikan.bp_min_60");
    CHECK(rule::kurang_sb_max_10 == "kurang.sb_max_10");
    CHECK(rule::kurang_bp_min_10 == "kurang.bp_min_10");
    CHECK(rule::kurang_km_min_60 == "kurang.km_min_60");
    CHECK(rule::sangat_kurang_sb_none == "sangat_kurang.sb_none");
    CHECK(rule::sangat_kurang_bp_km_min_10 == "sangat_kurang.bp_km_min_10");
    CHECK(rule::sangat_kurang_sk_min_60 == "sangat_kurang.sk_min_60");
  }
}
