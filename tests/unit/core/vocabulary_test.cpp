#include <doctest/doctest.h>

#include "kinerja/vocabulary.hpp"

using namespace kinerja;

TEST_SUITE("core") {
  TEST_CASE("ratings accept the English and the Indonesian spellings") {
    CHECK(parse_rating("above") == Rating::Above);
    CHECK(parse_rating("DIATAS") == Rating::Above);
    CHECK(parse_rating("Di Atas Ekspektasi") == Rating::Above);
    CHECK(parse_rating("sesuai") == Rating::Meets);
    CHECK(parse_rating("dibawah_ekspektasi") == Rating::Below);
    CHECK(parse_rating(" below ") == Rating::Below);
    CHECK_FALSE(parse_rating("good"));
    CHECK(to_string(Rating::Meets) == "meets");
  }

  TEST_CASE("organisation predikat, including the 'Cukup' synonym of SE MenPANRB 3/2023") {
    CHECK(parse_org_predikat("Butuh Perbaikan") == OrgPredikat::ButuhPerbaikan);
    CHECK(parse_org_predikat("cukup") == OrgPredikat::ButuhPerbaikan);
    CHECK(parse_org_predikat("sangat_kurang") == OrgPredikat::SangatKurang);
    CHECK_FALSE(parse_org_predikat("sangat_baik"));  // an employee predikat, not an org one
    CHECK(to_string(OrgPredikat::ButuhPerbaikan) == "butuh_perbaikan");
  }

  TEST_CASE("indicator vocabularies") {
    CHECK(parse_polarity("max") == Polarity::Max);
    CHECK(parse_polarity("negatif") == Polarity::Min);
    CHECK(parse_polarity("Range") == Polarity::Range);
    CHECK_FALSE(parse_polarity("up"));
    CHECK(parse_accumulation("sum") == Accumulation::Sum);
    CHECK(parse_accumulation("rata-rata") == Accumulation::Mean);
    CHECK(parse_accumulation("last") == Accumulation::Last);
    CHECK_FALSE(parse_accumulation("median"));
    CHECK(parse_owner_type("pegawai") == OwnerType::Employee);
    CHECK(parse_indicator_kind("tambahan") == IndicatorKind::Tambahan);
    CHECK(parse_aspect("waktu") == Aspect::Waktu);
    CHECK(parse_feedback_source("bawahan") == FeedbackSource::Subordinate);
    CHECK(parse_feedback_source("self") == FeedbackSource::Self);
    CHECK_FALSE(parse_feedback_source("boss"));
  }

  TEST_CASE("every enum value prints a spelling that parses back to it") {
    for (auto v : {Polarity::Max, Polarity::Min, Polarity::Range, Polarity::RangeMax, Polarity::RangeMin}) {
      CHECK(parse_polarity(to_string(v)) == v);
    }
    for (auto v : {Accumulation::Last, Accumulation::Sum, Accumulation::Mean, Accumulation::Max, Accumulation::Min}) {
      CHECK(parse_accumulation(to_string(v)) == v);
    }
    for (auto v : {Rating::Above, Rating::Meets, Rating::Below}) CHECK(parse_rating(to_string(v)) == v);
    for (auto v : {FeedbackSource::Supervisor, FeedbackSource::Self, FeedbackSource::Peer, FeedbackSource::Subordinate,
                   FeedbackSource::Public}) {
      CHECK(parse_feedback_source(to_string(v)) == v);
    }
    for (auto v : {OrgPredikat::Istimewa, OrgPredikat::Baik, OrgPredikat::ButuhPerbaikan, OrgPredikat::Kurang,
                   OrgPredikat::SangatKurang}) {
      CHECK(parse_org_predikat(to_string(v)) == v);
    }
    for (auto v : {Aspect::Kuantitas, Aspect::Kualitas, Aspect::Waktu, Aspect::Biaya}) CHECK(parse_aspect(to_string(v)) == v);
  }
}
