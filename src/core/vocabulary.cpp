#include "kinerja/vocabulary.hpp"

#include <initializer_list>
#include <string>
#include <utility>

#include "text_util.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

template <typename Enum>
using Spelling = std::pair<std::string_view, Enum>;

// Looks up a normalised key ("Butuh Perbaikan" -> "butuh_perbaikan") in a spelling table.
template <typename Enum>
std::optional<Enum> lookup(std::string_view text, std::initializer_list<Spelling<Enum>> table) {
  const std::string key = detail::normalize_key(detail::trim(text));
  for (const auto& [spelling, value] : table) {
    if (key == spelling) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(OwnerType value) noexcept { return value == OwnerType::Unit ? "unit" : "employee"; }

std::string_view to_string(IndicatorKind value) noexcept {
  return value == IndicatorKind::Utama ? "utama" : "tambahan";
}

std::string_view to_string(Aspect value) noexcept {
  switch (value) {
    case Aspect::None: return "";
    case Aspect::Kuantitas: return "kuantitas";
    case Aspect::Kualitas: return "kualitas";
    case Aspect::Waktu: return "waktu";
    case Aspect::Biaya: return "biaya";
  }
  return "";
}

std::string_view to_string(Polarity value) noexcept {
  switch (value) {
    case Polarity::Max: return "max";
    case Polarity::Min: return "min";
    case Polarity::Range: return "range";
    case Polarity::RangeMax: return "range_max";
    case Polarity::RangeMin: return "range_min";
  }
  return "";
}

std::string_view to_string(Accumulation value) noexcept {
  switch (value) {
    case Accumulation::Last: return "last";
    case Accumulation::Sum: return "sum";
    case Accumulation::Mean: return "mean";
    case Accumulation::Max: return "max";
    case Accumulation::Min: return "min";
  }
  return "";
}

std::string_view to_string(Rating value) noexcept {
  switch (value) {
    case Rating::Above: return "above";
    case Rating::Meets: return "meets";
    case Rating::Below: return "below";
  }
  return "";
}

std::string_view to_string(FeedbackSource value) noexcept {
  switch (value) {
    case FeedbackSource::Supervisor: return "supervisor";
    case FeedbackSource::Self: return "self";
    case FeedbackSource::Peer: return "peer";
    case FeedbackSource::Subordinate: return "subordinate";
    case FeedbackSource::Public: return "public";
  }
  return "";
}

std::string_view to_string(OrgPredikat value) noexcept {
  switch (value) {
    case OrgPredikat::Istimewa: return "istimewa";
    case OrgPredikat::Baik: return "baik";
    case OrgPredikat::ButuhPerbaikan: return "butuh_perbaikan";
    case OrgPredikat::Kurang: return "kurang";
    case OrgPredikat::SangatKurang: return "sangat_kurang";
  }
  return "";
}

std::optional<OwnerType> parse_owner_type(std::string_view text) noexcept {
  return lookup<OwnerType>(text, {{"unit", OwnerType::Unit},
                                  {"unit_kerja", OwnerType::Unit},
                                  {"employee", OwnerType::Employee},
                                  {"pegawai", OwnerType::Employee}});
}

std::optional<IndicatorKind> parse_indicator_kind(std::string_view text) noexcept {
  return lookup<IndicatorKind>(text, {{"utama", IndicatorKind::Utama},
                                      {"main", IndicatorKind::Utama},
                                      {"tambahan", IndicatorKind::Tambahan},
                                      {"additional", IndicatorKind::Tambahan}});
}

std::optional<Aspect> parse_aspect(std::string_view text) noexcept {
  return lookup<Aspect>(text, {{"kuantitas", Aspect::Kuantitas},
                               {"quantity", Aspect::Kuantitas},
                               {"kualitas", Aspect::Kualitas},
                               {"quality", Aspect::Kualitas},
                               {"waktu", Aspect::Waktu},
                               {"time", Aspect::Waktu},
                               {"biaya", Aspect::Biaya},
                               {"cost", Aspect::Biaya}});
}

std::optional<Polarity> parse_polarity(std::string_view text) noexcept {
  return lookup<Polarity>(text, {{"max", Polarity::Max},
                                 {"maximize", Polarity::Max},
                                 {"maximise", Polarity::Max},
                                 {"positif", Polarity::Max},
                                 {"min", Polarity::Min},
                                 {"minimize", Polarity::Min},
                                 {"minimise", Polarity::Min},
                                 {"negatif", Polarity::Min},
                                 {"range", Polarity::Range},
                                 {"stabilize", Polarity::Range},
                                 {"stabilise", Polarity::Range},
                                 {"rentang", Polarity::Range},
                                 {"range_max", Polarity::RangeMax},
                                 {"range_min", Polarity::RangeMin}});
}

std::optional<Accumulation> parse_accumulation(std::string_view text) noexcept {
  return lookup<Accumulation>(text, {{"last", Accumulation::Last},
                                     {"akhir", Accumulation::Last},
                                     {"nilai_akhir", Accumulation::Last},
                                     {"sum", Accumulation::Sum},
                                     {"kumulatif", Accumulation::Sum},
                                     {"mean", Accumulation::Mean},
                                     {"average", Accumulation::Mean},
                                     {"rata_rata", Accumulation::Mean},
                                     {"max", Accumulation::Max},
                                     {"min", Accumulation::Min}});
}

std::optional<Rating> parse_rating(std::string_view text) noexcept {
  return lookup<Rating>(text, {{"above", Rating::Above},
                               {"diatas", Rating::Above},
                               {"di_atas", Rating::Above},
                               {"diatas_ekspektasi", Rating::Above},
                               {"di_atas_ekspektasi", Rating::Above},
                               {"meets", Rating::Meets},
                               {"sesuai", Rating::Meets},
                               {"sesuai_ekspektasi", Rating::Meets},
                               {"below", Rating::Below},
                               {"dibawah", Rating::Below},
                               {"di_bawah", Rating::Below},
                               {"dibawah_ekspektasi", Rating::Below},
                               {"di_bawah_ekspektasi", Rating::Below}});
}

std::optional<FeedbackSource> parse_feedback_source(std::string_view text) noexcept {
  return lookup<FeedbackSource>(text, {{"supervisor", FeedbackSource::Supervisor},
                                       {"atasan", FeedbackSource::Supervisor},
                                       {"self", FeedbackSource::Self},
                                       {"diri_sendiri", FeedbackSource::Self},
                                       {"peer", FeedbackSource::Peer},
                                       {"rekan", FeedbackSource::Peer},
                                       {"subordinate", FeedbackSource::Subordinate},
                                       {"bawahan", FeedbackSource::Subordinate},
                                       {"public", FeedbackSource::Public},
                                       {"masyarakat", FeedbackSource::Public}});
}

std::optional<OrgPredikat> parse_org_predikat(std::string_view text) noexcept {
  return lookup<OrgPredikat>(text, {{"istimewa", OrgPredikat::Istimewa},
                                    {"baik", OrgPredikat::Baik},
                                    {"butuh_perbaikan", OrgPredikat::ButuhPerbaikan},
                                    {"cukup", OrgPredikat::ButuhPerbaikan},
                                    {"kurang", OrgPredikat::Kurang},
                                    {"sangat_kurang", OrgPredikat::SangatKurang}});
}

}  // namespace v1
}  // namespace kinerja
