// The bundled sample (data/sample) must stay valid and keep what later analyses rely on.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "kinerja/load.hpp"

namespace {
const kinerja::Dataset& sample(kinerja::Diagnostics** diags_out = nullptr) {
  static kinerja::Diagnostics diags;
  static const kinerja::Dataset d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
  if (diags_out) *diags_out = &diags;
  return d;
}
}  // namespace

TEST_SUITE("sample") {
  TEST_CASE("the sample dataset loads without errors or warnings") {
    kinerja::Diagnostics* diags = nullptr;
    const auto& d = sample(&diags);
    for (const auto& p : diags->items()) FAIL_CHECK(p.to_string());
    CHECK(diags->error_count() == 0);
    CHECK(diags->warning_count() == 0);
    for (const auto& t : d.summary()) {
      CAPTURE(t.name);
      CHECK(t.present);
      CHECK(t.rows > 0);
    }
  }

  TEST_CASE("the sample is a kabupaten of about 300 employees in a 3-4 level tree") {
    const auto& d = sample();
    CHECK(d.employees.size() >= 250);
    CHECK(d.employees.size() <= 400);
    std::size_t deepest = 0;
    for (std::size_t i = 0; i < d.units.size(); ++i) {
      std::size_t depth = 1;
      for (auto p = d.units.parent[i]; p != kinerja::no_index; p = d.units.parent[p]) ++depth;
      deepest = std::max(deepest, depth);
    }
    CHECK(deepest >= 3);
    CHECK(deepest <= 4);
    const auto pppk = std::count(d.employees.status.begin(), d.employees.status.end(), kinerja::EmploymentStatus::Pppk);
    CHECK(pppk > 0);
  }

  TEST_CASE("the sample uses every polarity, accumulation, owner type and source") {
    const auto& d = sample();
    const auto& ind = d.indicators;
    for (auto p : {kinerja::Polarity::Max, kinerja::Polarity::Min, kinerja::Polarity::Range}) {
      CHECK(std::count(ind.polarity.begin(), ind.polarity.end(), p) > 0);
    }
    for (auto a : {kinerja::Accumulation::Sum, kinerja::Accumulation::Last, kinerja::Accumulation::Mean,
                   kinerja::Accumulation::Max, kinerja::Accumulation::Min}) {
      CHECK(std::count(ind.accumulation.begin(), ind.accumulation.end(), a) > 0);
    }
    CHECK(std::count(ind.owner_type.begin(), ind.owner_type.end(), kinerja::OwnerType::Unit) > 0);
    CHECK(std::count(ind.parent.begin(), ind.parent.end(), kinerja::no_index) < static_cast<long>(ind.size()));
    for (auto s : {kinerja::FeedbackSource::Supervisor, kinerja::FeedbackSource::Self, kinerja::FeedbackSource::Peer,
                   kinerja::FeedbackSource::Subordinate}) {
      CHECK(std::count(d.feedback.source.begin(), d.feedback.source.end(), s) > 0);
    }
  }

  TEST_CASE("the sample has monthly realisations over two years or more") {
    const auto& d = sample();
    std::set<int> years;
    std::set<std::uint32_t> months;
    for (const auto& p : d.realizations.period) {
      years.insert(p.year());
      if (p.kind() == kinerja::PeriodKind::Month) months.insert(p.key());
    }
    CHECK(years.size() >= 2);
    CHECK(months.size() >= 24);
    std::set<kinerja::Rating> ratings(d.ratings.result.begin(), d.ratings.result.end());
    CHECK(ratings.size() == 3);
    std::set<kinerja::OrgPredikat> predikat(d.org_ratings.predikat.begin(), d.org_ratings.predikat.end());
    CHECK(predikat.size() >= 3);
  }
}
