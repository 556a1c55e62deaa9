// The synthetic dataset generator (docs/generate.md).
//
// One engine, two sinks: the same generation code either appends rows to the columns of a
// Dataset (generate_dataset) or formats them into the 8 CSV files (generate_folder). Both sinks
// receive exactly the same rows in the same order, which is what makes the in-memory dataset
// equal to the loaded folder. Agencies are generated one after the other; everything an agency
// needs (its unit tree, its employees, its direct-report lists) lives only while it is written.
#include "kinerja/generate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/random.hpp"
#include "io/output.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

// ------------------------------------------------------------------------------------------
// Random numbers: splitmix64 to seed, xoshiro256** to draw. Fixed algorithms, so the same
// seed gives the same numbers on every machine and standard library.
// ------------------------------------------------------------------------------------------
using detail::rotl;
using detail::splitmix64;

// Purposes of the independent streams of an agency.
enum Stream : std::uint64_t { StreamPlan = 1, StreamStructure, StreamIndicators, StreamRatings, StreamFeedback,
                              StreamOrg, StreamSurvey, StreamPlant };

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c = 0) noexcept {
    std::uint64_t x = seed ^ 0x6A09E667F3BCC909ULL;
    x = splitmix64(x) ^ (a * 0xD1B54A32D192ED03ULL);
    x = splitmix64(x) ^ (b * 0x8CB92BA72F3D8DD7ULL);
    x = splitmix64(x) ^ (c * 0xABC98388FB8FAC03ULL);
    for (auto& s : s_) s = splitmix64(x);
  }
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform in [0, 1), 53 bits.
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform integer in [0, n), n >= 1 (multiply-high, no modulo bias worth mentioning).
  std::uint64_t below(std::uint64_t n) noexcept {
    return static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
  }
  int range(int lo, int hi) noexcept { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
  bool chance(double p) noexcept { return uniform() < p; }
  /// Approximately standard normal: the sum of four uniforms, centred and scaled (additions
  /// only, so it is bit-identical everywhere; the tails stop at +-3.46).
  double normal() noexcept {
    double s = uniform();  // one statement per draw: the order is fixed
    s += uniform();
    s += uniform();
    s += uniform();
    return (s - 2.0) * 1.7320508075688772;
  }

 private:
  std::uint64_t s_[4];
};

// Newton's cube root with a fixed number of steps (IEEE operations only: deterministic).
double cube_root(double x) {
  if (x <= 0) return 0;
  double r = x > 1 ? x / 3 + 0.5 : 1.0;
  for (int i = 0; i < 60; ++i) r = (2 * r + x / (r * r)) / 3;
  return r;
}

// ------------------------------------------------------------------------------------------
// Fixed-point numbers: every number written is n / 10^dec, so the text and the double agree
// exactly (the loader parses the text to the same correctly rounded double).
// ------------------------------------------------------------------------------------------
struct Fixed {
  std::int64_t n = 0;
  int dec = 0;
  double value() const noexcept {
    return dec == 0 ? static_cast<double>(n) : static_cast<double>(n) / (dec == 1 ? 10.0 : 100.0);
  }
};

Fixed fixed_of(double x, int dec) {
  const double scale = dec == 0 ? 1.0 : dec == 1 ? 10.0 : 100.0;
  double y = x * scale;
  y = y < 0 ? -std::floor(-y + 0.5) : std::floor(y + 0.5);
  Fixed f{static_cast<std::int64_t>(y), dec};
  // Canonical: strip trailing zero decimals.
  while (f.dec > 0 && f.n % 10 == 0) {
    f.n /= 10;
    --f.dec;
  }
  return f;
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  int k = 0;
  do {
    buf[k++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (k > 0) out.push_back(buf[--k]);
}

void append_fixed(std::string& out, Fixed f) {
  std::uint64_t a = f.n < 0 ? static_cast<std::uint64_t>(-f.n) : static_cast<std::uint64_t>(f.n);
  if (f.n < 0) out.push_back('-');
  if (f.dec == 0) {
    append_uint(out, a);
    return;
  }
  const std::uint64_t scale = f.dec == 1 ? 10 : 100;
  append_uint(out, a / scale);
  out.push_back('.');
  const std::uint64_t frac = a % scale;
  if (f.dec == 2 && frac < 10) out.push_back('0');
  append_uint(out, frac);
}

void append_padded(std::string& out, std::uint64_t v, int width) {
  char buf[24];
  int k = 0;
  do {
    buf[k++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (int i = k; i < width; ++i) out.push_back('0');
  while (k > 0) out.push_back(buf[--k]);
}

void append_base36(std::string& out, std::uint64_t v) {
  static constexpr char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  char buf[16];
  int k = 0;
  do {
    buf[k++] = digits[v % 36];
    v /= 36;
  } while (v != 0);
  while (k > 0) out.push_back(buf[--k]);
}

// ------------------------------------------------------------------------------------------
// Vocabularies and templates.
// ------------------------------------------------------------------------------------------
constexpr std::array<std::string_view, 7> berakhlak = {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis",
                                                        "loyal", "adaptif", "kolaboratif"};
constexpr std::array<double, 7> aspect_effect = {0.5, 0.8, -0.3, 1.5, 2.0, -1.8, 0.2};

// Seasonal profiles (mean 1) and cumulative progress profiles (month 12 = 1).
constexpr std::array<std::array<double, 12>, 5> seasons = {{
    {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {0.7, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.4},          // year end
    {1.6, 1.8, 1.5, 1.1, 0.8, 0.5, 0.4, 0.3, 0.4, 0.7, 1.1, 1.8},          // rainy season
    {0.2, 0.3, 0.5, 0.7, 0.9, 1.1, 1.3, 1.5, 1.6, 1.6, 1.4, 0.9},          // construction
    {1.1, 1.2, 1.2, 1.1, 1.1, 0.5, 0.6, 1.2, 1.2, 1.2, 1.1, 0.5},          // school activity
}};
constexpr std::array<std::array<double, 12>, 4> cumulative = {{
    {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {1 / 12.0, 2 / 12.0, 3 / 12.0, 4 / 12.0, 5 / 12.0, 6 / 12.0, 7 / 12.0, 8 / 12.0, 9 / 12.0, 10 / 12.0, 11 / 12.0, 1},
    {0.04, 0.09, 0.16, 0.24, 0.32, 0.41, 0.50, 0.58, 0.67, 0.76, 0.86, 1.0},  // budget S-curve
    {0.15, 0.35, 0.55, 0.70, 0.80, 0.86, 0.90, 0.93, 0.95, 0.97, 0.99, 1.0},  // early
}};

struct Template {
  const char* name;
  const char* uom;
  Polarity polarity;
  Aspect aspect;
  Accumulation accumulation;
  double target;   // base target (lower bound for the range polarities)
  double upper;    // target_upper for the range polarities, else 0
  double spread;   // relative random spread of the target (counts), 0 = fixed
  int season;      // index into `seasons`
  int cum;         // index into `cumulative` (0 = not cumulative)
  int dec;         // decimals of the realised values
  double vmax;     // physical upper bound of a value, 0 = none
  bool target_is_max;
};

using P = Polarity;
using A = Aspect;
using C = Accumulation;

// IKU of units.
constexpr Template iku_templates[] = {
    {"Indeks kepuasan masyarakat", "indeks", P::Max, A::Kualitas, C::Mean, 80, 0, 0, 0, 0, 2, 100, false},
    {"Persentase realisasi anggaran", "persen", P::Max, A::Biaya, C::Last, 95, 0, 0, 0, 2, 2, 100, false},
    {"Nilai evaluasi SAKIP", "nilai", P::Max, A::Kualitas, C::Max, 70, 0, 0, 0, 0, 2, 100, false},
    {"Indeks reformasi birokrasi", "nilai", P::Max, A::Kualitas, C::Max, 66, 0, 0, 0, 0, 2, 100, false},
    {"Persentase rekomendasi BPK yang ditindaklanjuti", "persen", P::Max, A::Kualitas, C::Last, 100, 0, 0, 0, 3, 2, 100, true},
    {"Jumlah layanan yang diselesaikan", "layanan", P::Max, A::Kuantitas, C::Sum, 2400, 0, 0.8, 1, 0, 0, 0, false},
    {"Rata-rata waktu penyelesaian layanan", "hari", P::Min, A::Waktu, C::Mean, 5, 0, 0.4, 0, 0, 2, 0, false},
    {"Jumlah kasus demam berdarah", "kasus", P::Min, A::Kualitas, C::Sum, 150, 0, 0.6, 2, 0, 0, 0, false},
    {"Prevalensi stunting pada balita", "persen", P::Min, A::Kualitas, C::Last, 14, 0, 0.2, 0, 0, 2, 100, false},
    {"Laju pertumbuhan ekonomi", "persen", P::Range, A::Kualitas, C::Mean, 5.0, 5.6, 0, 0, 0, 2, 0, false},
    {"Laju inflasi", "persen", P::Range, A::Kualitas, C::Mean, 1.5, 3.5, 0, 0, 0, 2, 0, false},
    {"Tingkat hunian tempat tidur", "persen", P::Range, A::Kualitas, C::Mean, 60, 80, 0, 0, 0, 2, 100, false},
    {"Persentase capaian standar pelayanan minimal", "persen", P::RangeMax, A::Kualitas, C::Last, 80, 90, 0, 0, 1, 2, 100, false},
    {"Lama penyelesaian proyek strategis", "bulan", P::RangeMin, A::Waktu, C::Last, 7, 8, 0, 0, 0, 2, 0, false},
    {"Persentase sarana kantor dalam kondisi baik (bulan terendah)", "persen", P::Max, A::Kualitas, C::Min, 90, 0, 0, 0, 0, 2, 100, false},
    {"Panjang jalan yang direhabilitasi", "km", P::Max, A::Kuantitas, C::Sum, 45, 0, 0.7, 3, 0, 2, 0, false},
    {"Persentase realisasi fisik kegiatan", "persen", P::Max, A::Kuantitas, C::Last, 100, 0, 0, 0, 2, 2, 100, false},
    {"Indeks profesionalitas ASN", "indeks", P::Max, A::Kualitas, C::Max, 70, 0, 0, 0, 0, 2, 100, false},
    {"Jumlah peserta pelatihan", "orang", P::Max, A::Kuantitas, C::Sum, 600, 0, 0.7, 4, 0, 0, 0, false},
    {"Persentase dokumen terbit tepat waktu", "persen", P::Max, A::Waktu, C::Mean, 95, 0, 0, 0, 0, 2, 100, false},
    {"Nilai realisasi investasi", "miliar rupiah", P::Max, A::Biaya, C::Sum, 850, 0, 0.8, 0, 0, 2, 0, false},
    {"Persentase pengaduan yang ditindaklanjuti", "persen", P::Max, A::Kualitas, C::Mean, 100, 0, 0, 0, 0, 2, 100, false},
};
constexpr std::size_t iku_template_count = sizeof(iku_templates) / sizeof(iku_templates[0]);

// IKI of employees.
constexpr Template iki_templates[] = {
    {"Jumlah surat yang diagendakan", "surat", P::Max, A::Kuantitas, C::Sum, 1200, 0, 0.7, 0, 0, 0, 0, false},
    {"Persentase arsip tertata", "persen", P::Max, A::Kualitas, C::Last, 95, 0, 0, 0, 1, 2, 100, false},
    {"Jumlah laporan bulanan yang disusun", "laporan", P::Max, A::Kuantitas, C::Sum, 12, 0, 0, 0, 0, 0, 0, false},
    {"Rata-rata waktu input data", "hari", P::Min, A::Waktu, C::Mean, 2, 0, 0.3, 0, 0, 2, 0, false},
    {"Jumlah dokumen keuangan yang diverifikasi", "dokumen", P::Max, A::Kuantitas, C::Sum, 600, 0, 0.7, 1, 0, 0, 0, false},
    {"Jumlah data pegawai yang dimutakhirkan", "data", P::Max, A::Kuantitas, C::Sum, 400, 0, 0.7, 0, 0, 0, 0, false},
    {"Jumlah pasien yang dilayani", "pasien", P::Max, A::Kuantitas, C::Sum, 2400, 0, 0.7, 0, 0, 0, 0, false},
    {"Rata-rata waktu pelayanan per pasien", "menit", P::Min, A::Waktu, C::Mean, 15, 0, 0.3, 0, 0, 2, 0, false},
    {"Persentase resep sesuai standar", "persen", P::Max, A::Kualitas, C::Mean, 98, 0, 0, 0, 0, 2, 100, false},
    {"Jumlah sekolah yang disupervisi", "sekolah", P::Max, A::Kuantitas, C::Sum, 30, 0, 0.6, 4, 0, 0, 0, false},
    {"Persentase guru binaan menyusun modul ajar", "persen", P::Max, A::Kualitas, C::Last, 90, 0, 0, 0, 1, 2, 100, false},
    {"Jumlah paket pekerjaan yang diawasi", "paket", P::Max, A::Kuantitas, C::Sum, 12, 0, 0.5, 3, 0, 0, 0, false},
    {"Rata-rata keterlambatan laporan progres", "hari", P::Min, A::Waktu, C::Mean, 3, 0, 0.3, 0, 0, 2, 0, false},
    {"Jumlah berkas perizinan yang diverifikasi", "berkas", P::Max, A::Kuantitas, C::Sum, 900, 0, 0.7, 0, 0, 0, 0, false},
    {"Jumlah pengaduan yang dijawab", "pengaduan", P::Max, A::Kuantitas, C::Sum, 120, 0, 0.6, 0, 0, 0, 0, false},
    {"Jumlah kasus penyakit yang dilaporkan terlambat", "kasus", P::Min, A::Waktu, C::Sum, 24, 0, 0.5, 2, 0, 0, 0, false},
    {"Persentase ketersediaan layanan sistem (bulan terendah)", "persen", P::Max, A::Kualitas, C::Min, 98, 0, 0, 0, 0, 2, 100, false},
    {"Nilai mutu dokumen yang disusun", "nilai", P::Max, A::Kualitas, C::Max, 85, 0, 0, 0, 0, 2, 100, false},
    {"Persentase penyerapan anggaran kegiatan", "persen", P::Max, A::Biaya, C::Last, 95, 0, 0, 0, 2, 2, 100, false},
    {"Rasio peserta per kelas pelatihan", "orang", P::Range, A::Kualitas, C::Mean, 20, 28, 0, 0, 0, 2, 0, false},
    {"Persentase kehadiran peserta layanan", "persen", P::RangeMax, A::Kualitas, C::Mean, 80, 90, 0, 0, 0, 2, 100, false},
    {"Waktu penyelesaian kajian", "bulan", P::RangeMin, A::Waktu, C::Last, 7, 8, 0, 0, 0, 2, 0, false},
    {"Persentase layanan selesai tepat waktu", "persen", P::Max, A::Waktu, C::Mean, 100, 0, 0, 0, 0, 2, 100, true},
    {"Jumlah data kependudukan yang dimutakhirkan", "data", P::Max, A::Kuantitas, C::Sum, 6000, 0, 0.7, 0, 0, 0, 0, false},
    {"Jumlah kegiatan sebagai narasumber", "kegiatan", P::Max, A::Kuantitas, C::Sum, 4, 0, 0.5, 0, 0, 0, 0, false},
};
constexpr std::size_t iki_template_count = sizeof(iki_templates) / sizeof(iki_templates[0]);
constexpr std::size_t tambahan_template = iki_template_count - 1;  // the narasumber task

constexpr std::array<std::string_view, 24> first_names = {
    "Agus", "Budi", "Dewi", "Siti", "Rina", "Andi", "Joko", "Sri", "Wahyu", "Yuni", "Hendra", "Nur",
    "Rudi", "Lestari", "Bambang", "Fitri", "Teguh", "Ratna", "Dedi", "Indah", "Eko", "Ayu", "Rizky", "Putri"};
constexpr std::array<std::string_view, 24> last_names = {
    "Santoso", "Wijaya", "Lestari", "Hidayat", "Saputra", "Rahmawati", "Kusuma", "Pratama", "Susanti",
    "Nugroho", "Siregar", "Harahap", "Permana", "Setiawan", "Utami", "Wibowo", "Purnomo", "Situmorang",
    "Syahputra", "Handayani", "Gunawan", "Maharani", "Simanjuntak", "Sulistyo"};
constexpr std::array<std::string_view, 16> place_first = {"Suka", "Cibi", "Wana", "Karang", "Tanjung", "Sumber",
                                                          "Banyu", "Muara", "Batu", "Pasir", "Bukit", "Lubuk",
                                                          "Sri", "Tanah", "Air", "Teluk"};
constexpr std::array<std::string_view, 12> place_second = {"maju", "jaya", "makmur", "sari", "rejo", "agung",
                                                           "baru", "indah", "mulya", "raya", "harjo", "asri"};
constexpr std::array<std::string_view, 14> pemda_units = {
    "Sekretariat Daerah", "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Badan Perencanaan Pembangunan",
    "Badan Kepegawaian", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Sosial", "Dinas Perhubungan",
    "Badan Keuangan Daerah", "Inspektorat", "Dinas Pertanian", "Satuan Polisi Pamong Praja", "Rumah Sakit Umum Daerah"};
constexpr std::array<std::string_view, 6> pusat_units = {"Sekretariat Jenderal", "Inspektorat Jenderal",
                                                         "Direktorat Jenderal", "Badan", "Pusat", "Kantor Wilayah"};

// ------------------------------------------------------------------------------------------
// The national plan: agencies and their sizes.
// ------------------------------------------------------------------------------------------
enum class AgencyKind : std::uint8_t { Pusat, Provinsi, Kabupaten, Kota };

struct AgencyPlan {
  AgencyKind kind = AgencyKind::Kabupaten;
  std::size_t national_index = 0;  // position in the national list (seeds the agency's streams)
  std::size_t size = 0;            // employees
  std::uint32_t lane = 1;          // NIP sequence of the agency, 1..999 (keeps NIPs unique)
  bool feedback = false;
  std::string code;
  std::string name;
};

constexpr double national_employees = 5.36e6;
constexpr std::size_t national_agencies = 642;
constexpr std::size_t max_agencies = 999;

std::string place_name(Rng& r) {
  std::string s(place_first[r.below(place_first.size())]);
  s += place_second[r.below(place_second.size())];
  return s;
}

std::vector<AgencyPlan> plan_agencies(const GeneratorOptions& o) {
  // The national list: 10 large ministries, 80 other central agencies, 38 provinces, 416
  // kabupaten and 98 kota, with relative sizes drawn once from the seed.
  struct Entry {
    AgencyKind kind;
    int number;
    double weight;
  };
  std::vector<Entry> all;
  all.reserve(national_agencies);
  Rng r(o.seed, StreamPlan, 0);
  constexpr double big[] = {250e3, 180e3, 120e3, 90e3, 70e3, 60e3, 50e3, 40e3, 35e3, 30e3};
  int pusat = 0;
  for (double b : big) all.push_back({AgencyKind::Pusat, ++pusat, b * (0.9 + 0.2 * r.uniform())});
  // Two draws per size, each in its own statement so that the order is fixed.
  auto skewed = [&r](double lo, double span, double floor_share) {
    const double u1 = r.uniform();
    const double u2 = r.uniform();
    return lo + span * u1 * (floor_share + (1 - floor_share) * u2);
  };
  for (int i = 0; i < 80; ++i) all.push_back({AgencyKind::Pusat, ++pusat, skewed(300, 14000, 0)});
  for (int i = 1; i <= 38; ++i) all.push_back({AgencyKind::Provinsi, i, skewed(10e3, 50e3, 0.3)});
  for (int i = 1; i <= 416; ++i) all.push_back({AgencyKind::Kabupaten, i, skewed(3e3, 12e3, 0)});
  for (int i = 1; i <= 98; ++i) all.push_back({AgencyKind::Kota, i, skewed(2.5e3, 12e3, 0)});

  // Scale: as many agencies as the national share of employees gives, at least one.
  const double wanted = static_cast<double>(national_agencies) * static_cast<double>(o.employees) / national_employees;
  std::size_t m = static_cast<std::size_t>(wanted + 0.5);
  m = std::max<std::size_t>(1, std::min({m, max_agencies, o.employees}));
  std::vector<std::size_t> order(all.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return all[a].weight > all[b].weight; });
  std::vector<std::size_t> chosen;
  if (m >= all.size()) {
    for (std::size_t i = 0; i < m; ++i) chosen.push_back(i);  // beyond the list: repeat kinds
  } else {
    // Systematic sample over the size order keeps the mix of large and small agencies.
    for (std::size_t k = 0; k < m; ++k) chosen.push_back(order[(2 * k + 1) * all.size() / (2 * m)]);
    std::sort(chosen.begin(), chosen.end());
  }
  std::vector<AgencyPlan> plans(m);
  double total = 0;
  for (std::size_t k = 0; k < m; ++k) total += all[chosen[k] % all.size()].weight;
  // Sizes by largest remainder, each at least 1.
  const std::size_t n = o.employees;
  std::size_t given = 0;
  std::vector<std::pair<double, std::size_t>> rema(m);
  for (std::size_t k = 0; k < m; ++k) {
    const Entry& e = all[chosen[k] % all.size()];
    const double exact = static_cast<double>(n - m) * e.weight / total;
    const auto whole = static_cast<std::size_t>(exact);
    plans[k].size = 1 + whole;
    given += 1 + whole;
    rema[k] = {exact - static_cast<double>(whole), k};
  }
  std::stable_sort(rema.begin(), rema.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < n; k = (k + 1) % m, ++given) ++plans[rema[k].second].size;
  for (std::size_t k = 0; k < m; ++k) {
    const Entry& e = all[chosen[k] % all.size()];
    AgencyPlan& p = plans[k];
    p.kind = e.kind;
    p.national_index = chosen[k];
    p.lane = static_cast<std::uint32_t>(k + 1);
    Rng nr(o.seed, StreamPlan, 1000 + chosen[k]);
    p.feedback = nr.chance(o.feedback_share);
    switch (e.kind) {
      case AgencyKind::Pusat:
        p.code = "PUSAT-";
        append_padded(p.code, static_cast<std::uint64_t>(e.number), 3);
        p.name = e.number <= 10 ? "Kementerian " : "Lembaga ";
        p.name += place_name(nr);
        break;
      case AgencyKind::Provinsi:
        p.code = "PROV-";
        append_padded(p.code, static_cast<std::uint64_t>(e.number), 2);
        p.name = "Pemerintah Provinsi " + place_name(nr);
        break;
      case AgencyKind::Kabupaten:
        p.code = "KAB-";
        append_padded(p.code, static_cast<std::uint64_t>(e.number), 3);
        p.name = "Pemerintah Kabupaten " + place_name(nr);
        break;
      case AgencyKind::Kota:
        p.code = "KOTA-";
        append_padded(p.code, static_cast<std::uint64_t>(e.number), 3);
        p.name = "Pemerintah Kota " + place_name(nr);
        break;
    }
    if (chosen[k] >= all.size()) {
      // A repeat beyond the national list. Unit ids are the code, "-" and digits, so the repeat
      // mark has a letter: "KAB-001-R1" can never equal the unit "KAB-001-1" of the first one.
      p.code += "-R";
      append_uint(p.code, chosen[k] / all.size());
    }
  }
  return plans;
}

// ------------------------------------------------------------------------------------------
// One agency: unit tree and employees.
// ------------------------------------------------------------------------------------------
struct UnitNode {
  std::uint32_t parent = std::numeric_limits<std::uint32_t>::max();
  std::uint8_t depth = 0;
  bool service = false;
  bool leaf = true;
  std::uint32_t first = 0;  // first member (the head)
  std::uint32_t count = 0;  // members, head included
  float perf = 0;
  std::string id;
  std::string name;
};

struct Person {
  std::array<char, 18> nip{};
  std::uint32_t unit = 0;
  std::uint32_t rater = std::numeric_limits<std::uint32_t>::max();  // local index, max = none
  EmploymentStatus status = EmploymentStatus::Pns;
  Grade grade;
  Position position = Position::Unknown;
  std::uint8_t planted = 0;  // 1 lenient, 2 severe
  float perf = 0;            // latent performance (standard normal)
  float slope = 0;           // change of perf per year
  std::uint8_t first_name = 0, last_name = 0;
};

constexpr std::uint32_t none32 = std::numeric_limits<std::uint32_t>::max();

struct Agency {
  AgencyPlan plan;
  std::vector<UnitNode> units;
  std::vector<Person> people;
  std::vector<std::uint32_t> report_offsets;  // CSR: direct reports of each person
  std::vector<std::uint32_t> reports;
};

class AgencyBuilder {
 public:
  AgencyBuilder(const GeneratorOptions& o, Agency& a)
      : o_(o), a_(a), r_(o.seed, StreamStructure, a.plan.national_index) {}

  void build(bool with_people) {
    a_.units.clear();
    a_.people.clear();
    std::vector<std::uint32_t> member_counts;
    grow(none32, 0, a_.plan.size, member_counts);
    if (!with_people) return;
    // Members in preorder: each unit's head first, then its staff.
    std::uint32_t next = 0;
    for (std::size_t u = 0; u < a_.units.size(); ++u) {
      a_.units[u].first = next;
      a_.units[u].count = member_counts[u];
      next += member_counts[u];
    }
    const std::size_t n = a_.plan.size;
    const std::size_t staff = n - a_.units.size();
    const double pppk = staff == 0 ? 0.0 : std::min(1.0, o_.pppk_share * static_cast<double>(n) / static_cast<double>(staff));
    a_.people.resize(n);
    nips_.clear();
    nips_.reserve(n * 2);
    for (std::size_t u = 0; u < a_.units.size(); ++u) {
      UnitNode& unit = a_.units[u];
      double sum = 0;
      for (std::uint32_t k = 0; k < unit.count; ++k) {
        Person& p = a_.people[unit.first + k];
        p.unit = static_cast<std::uint32_t>(u);
        const bool head = k == 0;
        if (head) {
          p.rater = unit.parent == none32 ? none32 : a_.units[unit.parent].first;
        } else {
          p.rater = unit.first;
        }
        p.perf = static_cast<float>(r_.normal());
        p.slope = static_cast<float>(r_.normal() * 0.15);
        sum += static_cast<double>(p.perf);
        p.first_name = static_cast<std::uint8_t>(r_.below(first_names.size()));
        p.last_name = static_cast<std::uint8_t>(r_.below(last_names.size()));
        p.status = !head && r_.chance(pppk) ? EmploymentStatus::Pppk : EmploymentStatus::Pns;
        p.position = head ? head_position(unit.depth) : (r_.chance(0.55) ? Position::Fungsional : Position::Pelaksana);
        p.grade = grade_for(p);
        make_nip(p, head);
      }
      unit.perf = static_cast<float>(sum / unit.count * 0.5 + r_.normal() * 0.5);
    }
    // Direct reports (CSR), in person order.
    a_.report_offsets.assign(n + 1, 0);
    for (const Person& p : a_.people) {
      if (p.rater != none32) ++a_.report_offsets[p.rater + 1];
    }
    for (std::size_t i = 0; i < n; ++i) a_.report_offsets[i + 1] += a_.report_offsets[i];
    a_.reports.assign(a_.report_offsets[n], 0);
    std::vector<std::uint32_t> fill(a_.report_offsets.begin(), a_.report_offsets.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t rt = a_.people[i].rater;
      if (rt != none32) a_.reports[fill[rt]++] = static_cast<std::uint32_t>(i);
    }
  }

 private:
  // Builds the subtree of `n` employees under `parent` (preorder), returns nothing; the unit's
  // own member count goes to `counts`.
  void grow(std::uint32_t parent, int depth, std::size_t n, std::vector<std::uint32_t>& counts) {
    const auto self = static_cast<std::uint32_t>(a_.units.size());
    a_.units.emplace_back();
    counts.push_back(0);
    {
      UnitNode& u = a_.units.back();
      u.parent = parent;
      u.depth = static_cast<std::uint8_t>(depth);
      u.id = a_.plan.code;
      if (depth > 0) {
        u.id += "-";
        append_uint(u.id, self);
      }
    }
    const bool leaf = depth == 3 || n <= 15 || (n < 40 && r_.chance(0.4));
    if (leaf) {
      counts[self] = static_cast<std::uint32_t>(n);
      name_unit(self, depth, true);
      return;
    }
    const int remaining = 3 - depth;
    const double per_leaf = static_cast<double>(n) / 12.0;
    double branching = remaining == 1 ? per_leaf : remaining == 2 ? std::sqrt(per_leaf) : cube_root(per_leaf);
    branching *= 0.75 + 0.5 * r_.uniform();
    std::size_t k = static_cast<std::size_t>(branching + 0.5);
    k = std::max<std::size_t>(2, std::min<std::size_t>(k, 60));
    k = std::min(k, n - 1);
    // The head and a small office (a Sekda with Staf Ahli, a Kepala Dinas with a few staff).
    std::size_t own = 1 + std::min<std::size_t>(n / 200, 12) + r_.below(4);
    own = std::min(own, n - k);
    counts[self] = static_cast<std::uint32_t>(own);
    a_.units[self].leaf = false;
    name_unit(self, depth, false);
    // Split the rest over k children, skewed weights, each at least 1.
    const std::size_t rest = n - own;
    std::vector<double> w(k);
    double total = 0;
    for (double& x : w) {
      const double u1 = r_.uniform();
      const double u2 = r_.uniform();
      x = 0.25 + u1 * (0.5 + u2);
      total += x;
    }
    std::vector<std::size_t> share(k, 1);
    std::size_t given = k;
    for (std::size_t i = 0; i < k; ++i) {
      const auto extra = static_cast<std::size_t>(static_cast<double>(rest - k) * w[i] / total);
      share[i] += extra;
      given += extra;
    }
    for (std::size_t i = 0; given < rest; i = (i + 1) % k, ++given) ++share[i];
    for (std::size_t i = 0; i < k; ++i) grow(self, depth + 1, share[i], counts);
  }

  void name_unit(std::uint32_t u, int depth, bool leaf) {
    UnitNode& unit = a_.units[u];
    const bool pusat = a_.plan.kind == AgencyKind::Pusat;
    std::string& s = unit.name;
    if (depth == 0) {
      s = a_.plan.name;
    } else if (depth == 1) {
      if (pusat) {
        s = std::string(pusat_units[r_.below(pusat_units.size())]) + " ";
        s += place_name(r_);
      } else {
        const std::size_t pick = r_.below(pemda_units.size() + 4);
        s = pick < pemda_units.size() ? std::string(pemda_units[pick]) : "Kecamatan " + place_name(r_);
      }
    } else if (leaf && r_.chance(o_.survey_share)) {
      unit.service = true;
      static constexpr std::array<std::string_view, 4> service = {"UPT Puskesmas", "UPT Pelayanan Terpadu",
                                                                  "Unit Layanan Administrasi", "UPT Samsat"};
      s = std::string(service[r_.below(service.size())]) + " ";
      s += place_name(r_);
    } else if (depth == 2) {
      s = pusat ? "Direktorat " : "Bidang ";
      s += place_name(r_);
    } else {
      s = pusat ? "Subdirektorat " : "Seksi ";
      s += place_name(r_);
    }
  }

  Position head_position(int depth) const {
    const AgencyKind k = a_.plan.kind;
    if (k == AgencyKind::Pusat) {
      static constexpr Position p[] = {Position::JptMadya, Position::JptMadya, Position::JptPratama,
                                       Position::Administrator};
      return p[depth];
    }
    if (depth == 0) return k == AgencyKind::Provinsi ? Position::JptMadya : Position::JptPratama;
    static constexpr Position p[] = {Position::JptPratama, Position::JptPratama, Position::Administrator,
                                     Position::Pengawas};
    return p[depth];
  }

  Grade grade_for(const Person& p) {
    if (p.status == EmploymentStatus::Pppk) {
      return p.position == Position::Fungsional ? Grade::pppk(r_.range(7, 11)) : Grade::pppk(r_.range(5, 7));
    }
    switch (p.position) {
      case Position::JptUtama: return Grade::pns(17);
      case Position::JptMadya: return Grade::pns(r_.range(16, 17));
      case Position::JptPratama: return Grade::pns(r_.range(14, 16));
      case Position::Administrator: return Grade::pns(r_.range(12, 14));
      case Position::Pengawas: return Grade::pns(r_.range(11, 12));
      case Position::Fungsional: return Grade::pns(r_.range(6, 14));
      default: return Grade::pns(r_.range(5, 10));
    }
  }

  static void put(std::array<char, 18>& d, int at, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      d[static_cast<std::size_t>(at + i)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  }

  void make_nip(Person& p, bool head) {
    const int ref = o_.first_year;
    const bool pppk = p.status == EmploymentStatus::Pppk;
    const int level = p.grade.level();
    // Older for higher grades.
    int age = 0;
    if (head) {
      age = r_.range(40, 58);
    } else {
      age = 24 + static_cast<int>(r_.below(20)) + (pppk ? 0 : std::max(0, level - 8));
      age += static_cast<int>(r_.below(6));
    }
    age = std::min(age, pppk ? 55 : 58);
    const int birth_year = ref - age;
    int month = r_.range(1, 12);
    int day = r_.range(1, Date::days_in_month(birth_year, month));
    const int gender = r_.chance(0.5) ? 1 : 2;
    int tmt_year, tmt_month = 0, appointment = 0;
    if (pppk) {
      const int lo = std::min(std::max(2019, birth_year + 20), ref - 1);
      tmt_year = r_.range(lo, ref - 1);
      appointment = r_.chance(0.8) ? 1 : 2;
    } else {
      tmt_year = birth_year + 19 + static_cast<int>(r_.below(static_cast<std::uint64_t>(std::max(1, age - 20))));
      tmt_month = r_.chance(0.5) ? 3 : r_.range(1, 12);
    }
    for (int attempt = 0;; ++attempt) {
      std::array<char, 18>& d = p.nip;
      put(d, 0, birth_year, 4);
      put(d, 4, month, 2);
      put(d, 6, day, 2);
      put(d, 8, tmt_year, 4);
      if (pppk) {
        d[12] = '2';
        d[13] = static_cast<char>('0' + appointment);
        d[14] = static_cast<char>('0' + gender);
      } else {
        put(d, 12, tmt_month, 2);
        d[14] = static_cast<char>('0' + gender);
      }
      put(d, 15, static_cast<int>(a_.plan.lane), 3);
      std::uint64_t key = 0;
      for (char c : d) key = key * 10 + static_cast<std::uint64_t>(c - '0');
      if (nips_.insert(key).second) return;
      // Taken inside this agency: the next day of the birth month, then the next month.
      day = day % Date::days_in_month(birth_year, month) + 1;
      if (attempt % 28 == 27) month = month % 12 + 1, day = 1;
    }
  }

  const GeneratorOptions& o_;
  Agency& a_;
  Rng r_;
  std::unordered_set<std::uint64_t> nips_;
};

// ------------------------------------------------------------------------------------------
// Count distributions: 3..10 RHK and 1..3 IKI per RHK, truncated geometric with a given mean.
// ------------------------------------------------------------------------------------------
struct CountDistribution {
  int lo = 0;
  std::vector<double> cdf;
  double mean = 0;
  CountDistribution(int lo_, int hi, double wanted_mean) : lo(lo_) {
    const int k = hi - lo_ + 1;
    auto mean_of = [&](double rho, std::vector<double>* p) {
      double w = 1, total = 0, m = 0;
      std::vector<double> ws(static_cast<std::size_t>(k));
      for (int i = 0; i < k; ++i) {
        ws[static_cast<std::size_t>(i)] = w;
        total += w;
        m += w * (lo_ + i);
        w *= rho;
      }
      if (p) {
        p->assign(static_cast<std::size_t>(k), 0);
        double acc = 0;
        for (int i = 0; i < k; ++i) {
          acc += ws[static_cast<std::size_t>(i)] / total;
          (*p)[static_cast<std::size_t>(i)] = acc;
        }
        p->back() = 1.0;
      }
      return m / total;
    };
    double a = 0, b = 64;
    for (int it = 0; it < 200; ++it) {
      const double mid = (a + b) / 2;
      if (mean_of(mid, nullptr) < wanted_mean) a = mid; else b = mid;
    }
    mean = mean_of((a + b) / 2, &cdf);
  }
  int draw(Rng& r) const {
    const double u = r.uniform();
    for (std::size_t i = 0; i < cdf.size(); ++i) {
      if (u < cdf[i]) return lo + static_cast<int>(i);
    }
    return lo + static_cast<int>(cdf.size()) - 1;
  }
};

// Model constants shared by the generator and the estimate.
constexpr double gap_share = 0.03;          // a period without a value
constexpr double empty_series_share = 0.005;// an indicator-year without any value
constexpr double change_point_share = 0.04; // a series with a level shift
constexpr double weighted_owner_share = 0.5;
constexpr double tambahan_share = 0.08;     // an employee-year with one tambahan RHK

struct YearInfo {
  int year = 0;
  int months = 12;  // months with data
  bool full() const noexcept { return months == 12; }
};

std::vector<YearInfo> years_of(const GeneratorOptions& o) {
  std::vector<YearInfo> ys;
  for (int y = o.first_year; y <= o.last_year; ++y) ys.push_back({y, y == o.last_year ? o.as_of_month : 12});
  return ys;
}

// ------------------------------------------------------------------------------------------
// Sinks.
// ------------------------------------------------------------------------------------------
struct IndicatorRow {
  std::string_view id;
  OwnerType owner_type;
  Index owner;
  std::string_view owner_id;
  int year;
  std::string_view name;
  std::string_view rhk;
  IndicatorKind kind;
  Aspect aspect;
  std::string_view uom;
  Polarity polarity;
  Fixed target;
  Fixed upper;
  bool has_upper;
  Fixed weight;
  bool has_weight;
  Accumulation accumulation;
  Index parent;
  std::string_view parent_id;
  bool target_is_max;
};

std::string_view grade_text(Grade g, std::string& buf) {
  buf = g.empty() ? std::string() : g.to_string();
  return buf;
}

// Appends rows to the columns of a Dataset, as the loader would.
class DatasetSink {
 public:
  explicit DatasetSink(Dataset& d) : d_(d) {}
  void unit(std::string_view id, std::string_view name, Index parent, std::string_view, std::string_view agency) {
    UnitTable& t = d_.units;
    t.ids.insert(id);
    t.name.push_back(name);
    t.parent.push_back(parent);
    t.agency.push_back(t.agencies.insert(agency).first);
  }
  void employee(std::string_view nip, std::string_view name, Index unit, std::string_view, Index rater,
                std::string_view, EmploymentStatus status, Grade grade, Position position) {
    EmployeeTable& t = d_.employees;
    t.nips.insert(nip);
    t.name.push_back(name);
    t.unit.push_back(unit);
    t.rater.push_back(rater);
    t.status.push_back(status);
    t.grade.push_back(grade);
    t.position.push_back(position);
  }
  void indicator(const IndicatorRow& r) {
    IndicatorTable& t = d_.indicators;
    t.ids.insert(r.id);
    t.owner_type.push_back(r.owner_type);
    t.owner.push_back(r.owner);
    t.year.push_back(static_cast<std::int16_t>(r.year));
    t.name.push_back(r.name);
    t.rhk.push_back(r.rhk.empty() ? no_index : t.rhks.insert(r.rhk).first);
    t.kind.push_back(r.kind);
    t.aspect.push_back(r.aspect);
    t.unit_of_measure.push_back(r.uom.empty() ? no_index : t.units_of_measure.insert(r.uom).first);
    t.polarity.push_back(r.polarity);
    t.target.push_back(r.target.value());
    t.target_upper.push_back(r.has_upper ? r.upper.value() : std::numeric_limits<double>::quiet_NaN());
    t.weight.push_back(r.has_weight ? r.weight.value() : std::numeric_limits<double>::quiet_NaN());
    t.accumulation.push_back(r.accumulation);
    t.parent.push_back(r.parent);
    t.target_is_max.push_back(r.target_is_max ? 1 : 0);
  }
  void realization(Index indicator, std::string_view, Period period, std::string_view, Fixed value) {
    RealizationTable& t = d_.realizations;
    t.indicator.push_back(indicator);
    t.period.push_back(period);
    t.value.push_back(value.value());
  }
  void rating(Index employee, std::string_view, Period period, std::string_view, Rating result, Rating behavior,
              Index rater, std::string_view, bool innovation) {
    RatingTable& t = d_.ratings;
    t.employee.push_back(employee);
    t.period.push_back(period);
    t.result.push_back(result);
    t.behavior.push_back(behavior);
    t.rater.push_back(rater);
    t.innovation.push_back(innovation ? 1 : 0);
  }
  void feedback(Period period, std::string_view, Index rater, std::string_view, Index ratee, std::string_view,
                FeedbackSource source, Fixed score, std::size_t aspect) {
    FeedbackTable& t = d_.feedback;
    t.period.push_back(period);
    t.rater.push_back(rater);
    t.external_rater.push_back(no_index);
    t.ratee.push_back(ratee);
    t.source.push_back(source);
    t.score.push_back(score.value());
    t.aspect.push_back(t.aspects.insert(berakhlak[aspect]).first);
  }
  void org_rating(Index unit, std::string_view, Period period, std::string_view, OrgPredikat predikat) {
    OrgRatingTable& t = d_.org_ratings;
    t.unit.push_back(unit);
    t.period.push_back(period);
    t.predikat.push_back(predikat);
  }
  void survey(Index unit, std::string_view, Period period, std::string_view, std::string_view respondent,
              const std::array<std::uint8_t, 9>& answers) {
    SurveyTable& t = d_.surveys;
    t.unit.push_back(unit);
    t.period.push_back(period);
    t.respondent.push_back(t.respondents.insert(respondent).first);
    t.answers.insert(t.answers.end(), answers.begin(), answers.end());
  }
  void flush() {}

 private:
  Dataset& d_;
};

// Formats rows into the 8 CSV files (buffered; no field needs quoting).
class CsvSink {
 public:
  enum File { Units, Employees, Indicators, Realizations, Ratings, Feedback, OrgRatings, Surveys, FileCount };
  explicit CsvSink(std::array<std::ostream*, FileCount> out) : out_(out) {
    static constexpr std::string_view headers[] = {
        "unit_id,name,parent_id,agency_id\n",
        "nip,name,unit_id,rater_nip,status,grade,position\n",
        "indicator_id,owner_type,owner_id,year,name,rhk_id,kind,aspect,unit_of_measure,polarity,target,target_upper,"
        "weight,accumulation,parent_id,target_is_max\n",
        "indicator_id,period,value\n",
        "nip,period,result_rating,behavior_rating,rater_nip,innovation\n",
        "period,rater_nip,ratee_nip,source,score,aspect\n",
        "unit_id,period,predikat\n",
        "unit_id,period,respondent_id,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"};
    for (int f = 0; f < FileCount; ++f) buf_[static_cast<std::size_t>(f)] = std::string(headers[f]);
  }
  void unit(std::string_view id, std::string_view name, Index, std::string_view parent, std::string_view agency) {
    std::string& b = line(Units);
    b += id, b += ',', b += name, b += ',', b += parent, b += ',', b += agency, b += '\n';
    done(Units);
  }
  void employee(std::string_view nip, std::string_view name, Index, std::string_view unit, Index,
                std::string_view rater, EmploymentStatus status, Grade grade, Position position) {
    std::string& b = line(Employees);
    b += nip, b += ',', b += name, b += ',', b += unit, b += ',', b += rater, b += ',', b += to_string(status);
    b += ',', b += grade_text(grade, tmp_), b += ',', b += to_string(position), b += '\n';
    done(Employees);
  }
  void indicator(const IndicatorRow& r) {
    std::string& b = line(Indicators);
    b += r.id, b += ',', b += to_string(r.owner_type), b += ',', b += r.owner_id, b += ',';
    append_uint(b, static_cast<std::uint64_t>(r.year));
    b += ',', b += r.name, b += ',', b += r.rhk, b += ',', b += to_string(r.kind), b += ',';
    if (r.aspect != Aspect::None) b += to_string(r.aspect);
    b += ',', b += r.uom, b += ',', b += to_string(r.polarity), b += ',';
    append_fixed(b, r.target);
    b += ',';
    if (r.has_upper) append_fixed(b, r.upper);
    b += ',';
    if (r.has_weight) append_fixed(b, r.weight);
    b += ',', b += to_string(r.accumulation), b += ',', b += r.parent_id, b += ',', b += r.target_is_max ? '1' : '0';
    b += '\n';
    done(Indicators);
  }
  void realization(Index, std::string_view id, Period, std::string_view period, Fixed value) {
    std::string& b = line(Realizations);
    b += id, b += ',', b += period, b += ',';
    append_fixed(b, value);
    b += '\n';
    done(Realizations);
  }
  void rating(Index, std::string_view nip, Period, std::string_view period, Rating result, Rating behavior, Index,
              std::string_view rater, bool innovation) {
    std::string& b = line(Ratings);
    b += nip, b += ',', b += period, b += ',', b += to_string(result), b += ',', b += to_string(behavior), b += ',';
    b += rater, b += ',', b += innovation ? '1' : '0', b += '\n';
    done(Ratings);
  }
  void feedback(Period, std::string_view period, Index, std::string_view rater, Index, std::string_view ratee,
                FeedbackSource source, Fixed score, std::size_t aspect) {
    std::string& b = line(Feedback);
    b += period, b += ',', b += rater, b += ',', b += ratee, b += ',', b += to_string(source), b += ',';
    append_fixed(b, score);
    b += ',', b += berakhlak[aspect], b += '\n';
    done(Feedback);
  }
  void org_rating(Index, std::string_view unit, Period, std::string_view period, OrgPredikat predikat) {
    std::string& b = line(OrgRatings);
    b += unit, b += ',', b += period, b += ',', b += to_string(predikat), b += '\n';
    done(OrgRatings);
  }
  void survey(Index, std::string_view unit, Period, std::string_view period, std::string_view respondent,
              const std::array<std::uint8_t, 9>& answers) {
    std::string& b = line(Surveys);
    b += unit, b += ',', b += period, b += ',', b += respondent;
    for (std::uint8_t a : answers) {
      b += ',';
      if (a != 0) b += static_cast<char>('0' + a);
    }
    b += '\n';
    done(Surveys);
  }
  void flush() {
    for (std::size_t f = 0; f < FileCount; ++f) write(f);
  }

 private:
  std::string& line(File f) { return buf_[static_cast<std::size_t>(f)]; }
  void done(File f) {
    if (buf_[static_cast<std::size_t>(f)].size() >= (std::size_t{1} << 20)) write(static_cast<std::size_t>(f));
  }
  void write(std::size_t f) {
    std::string& b = buf_[f];
    if (b.empty()) return;
    out_[f]->write(b.data(), static_cast<std::streamsize>(b.size()));
    if (!*out_[f]) throw error(errc::IoError, "writing a generated file failed (disk full?)");
    b.clear();
  }
  std::array<std::ostream*, FileCount> out_;
  std::array<std::string, FileCount> buf_;
  std::string tmp_;
};

// ------------------------------------------------------------------------------------------
// The engine.
// ------------------------------------------------------------------------------------------
template <class Sink>
class Engine {
 public:
  Engine(const GeneratorOptions& o, Sink& sink, GeneratorReport& report)
      : o_(o), sink_(sink), report_(report), rhk_(3, 10, o.mean_rhk), iki_(1, 3, o.mean_iki_per_rhk),
        years_(years_of(o)) {}

  void run() {
    const std::vector<AgencyPlan> plans = plan_agencies(o_);
    report_.agencies = plans.size();
    const double total_work = static_cast<double>(o_.employees) * static_cast<double>(years_.size() + 1);
    double done = 0;
    if (o_.progress) o_.progress(0.0);
    Agency a;
    for (const AgencyPlan& plan : plans) {
      a.plan = plan;
      AgencyBuilder(o_, a).build(true);
      if (plan.feedback) ++report_.feedback_agencies;
      plant(a);
      write_structure(a);
      done += static_cast<double>(plan.size);
      report_progress(done / total_work);
      for (const YearInfo& y : years_) {
        write_year(a, y);
        done += static_cast<double>(plan.size);
        report_progress(done / total_work);
      }
      for (std::size_t i = 0; i < a.people.size(); ++i) {
        if (gave_[i] == 0) continue;
        const std::string nip(a.people[i].nip.data(), 18);
        if (a.people[i].planted == 1) report_.lenient_raters.push_back(nip);
        if (a.people[i].planted == 2) report_.severe_raters.push_back(nip);
      }
      unit_offset_ += static_cast<Index>(a.units.size());
      employee_offset_ += static_cast<Index>(a.people.size());
      report_.units += a.units.size();
    }
    sink_.flush();
    if (o_.progress) o_.progress(1.0);
  }

  std::uint64_t indicator_count() const noexcept { return indicator_count_; }

 private:
  void report_progress(double f) {
    if (!o_.progress) return;
    if (f - last_progress_ >= 0.002 || f >= 1.0) {
      last_progress_ = f;
      o_.progress(std::min(1.0, f));
    }
  }

  std::string_view nip_of(const Agency& a, std::uint32_t p) const {
    return p == none32 ? std::string_view() : std::string_view(a.people[p].nip.data(), 18);
  }
  Index erow(std::uint32_t p) const { return p == none32 ? no_index : employee_offset_ + p; }

  void plant(Agency& a) {
    gave_.assign(a.people.size(), 0);
    bias_.assign(a.people.size(), 0);
    if (!a.plan.feedback) return;
    Rng r(o_.seed, StreamPlant, a.plan.national_index);
    for (std::size_t i = 0; i < a.people.size(); ++i) {
      Person& p = a.people[i];
      const double u = r.uniform();
      p.planted = u < o_.lenient_share ? 1 : u < o_.lenient_share + o_.severe_share ? 2 : 0;
      bias_[i] = static_cast<float>(r.normal() * 1.6 + (p.planted == 1 ? 12.5 : p.planted == 2 ? -12.5 : 0.0));
    }
  }

  void write_structure(const Agency& a) {
    for (std::size_t u = 0; u < a.units.size(); ++u) {
      const UnitNode& n = a.units[u];
      const bool root = n.parent == none32;
      sink_.unit(n.id, n.name, root ? no_index : unit_offset_ + n.parent,
                 root ? std::string_view() : std::string_view(a.units[n.parent].id), a.plan.code);
    }
    std::string name;
    for (std::size_t i = 0; i < a.people.size(); ++i) {
      const Person& p = a.people[i];
      name.assign(first_names[p.first_name]);
      name += ' ';
      name += last_names[p.last_name];
      sink_.employee(std::string_view(p.nip.data(), 18), name, unit_offset_ + p.unit, a.units[p.unit].id,
                     erow(p.rater), nip_of(a, p.rater), p.status, p.grade, p.position);
    }
  }

  // ---- indicators and realisations of one year
  struct Owner {
    Index first = 0;       // first indicator row of the owner-year
    std::uint32_t count = 0;
    std::string first_id;  // ids are needed for parent_id text
  };

  void write_year(const Agency& a, const YearInfo& y) {
    Rng r(o_.seed, StreamIndicators, a.plan.national_index, static_cast<std::uint64_t>(y.year));
    unit_iku_.assign(a.units.size(), Owner{});
    head_iki_.assign(a.units.size(), Owner{});
    mean_g_.assign(a.people.size(), 0);
    const int year_index = y.year - o_.first_year;
    for (std::size_t u = 0; u < a.units.size(); ++u) {
      const UnitNode& unit = a.units[u];
      // IKU of the unit.
      const int iku = r.range(2, 5);
      const bool quarterly = r.chance(o_.quarterly_share);
      const bool weighted = r.chance(weighted_owner_share);
      Owner& own = unit_iku_[u];
      own.first = static_cast<Index>(indicator_count_);
      own.count = static_cast<std::uint32_t>(iku);
      const double unit_g = 1 + 0.05 * static_cast<double>(unit.perf);
      for (int k = 0; k < iku; ++k) {
        const Template& t = iku_templates[r.below(iku_template_count)];
        Index parent = no_index;
        std::string parent_id;
        if (unit.parent != none32) {
          const Owner& po = unit_iku_[unit.parent];
          const auto j = static_cast<std::uint32_t>(k) % po.count;
          parent = po.first + j;
          parent_id = id_of(parent, true);
        }
        const double g = unit_g + 0.04 * r.normal();
        const double slope = 0.04 * r.normal();
        emit_indicator(t, OwnerType::Unit, unit_offset_ + static_cast<Index>(u), unit.id, y, std::string_view(),
                       IndicatorKind::Utama, weighted, parent, parent_id, quarterly, g, slope, r, true);
      }
      // Employees of the unit, head first.
      for (std::uint32_t m = 0; m < unit.count; ++m) {
        const std::uint32_t pi = unit.first + m;
        const Person& p = a.people[pi];
        const bool head = m == 0;
        const int rhks = rhk_.draw(r);
        const bool tambahan = r.chance(tambahan_share);
        const bool quarterly_e = r.chance(o_.quarterly_share);
        const bool weighted_e = r.chance(weighted_owner_share);
        const double perf = static_cast<double>(p.perf) + static_cast<double>(p.slope) * year_index;
        const double g_emp = 1 + 0.07 * perf;
        double g_sum = 0;
        int g_n = 0;
        Owner* mine = head ? &head_iki_[u] : nullptr;
        if (mine) mine->first = static_cast<Index>(indicator_count_);
        for (int k = 0; k < rhks; ++k) {
          const bool extra = tambahan && k == rhks - 1;
          rhk_text_.assign("RHK-");
          append_uint(rhk_text_, static_cast<std::uint64_t>(k + 1));
          const int ikis = iki_.draw(r);
          for (int j = 0; j < ikis; ++j) {
            const Template& t = extra ? iki_templates[tambahan_template] : iki_templates[r.below(iki_template_count - 1)];
            // Cascade: a head's IKI from the own unit's IKU; staff from the rater's IKI
            // (two in three) or the unit's IKU; tambahan has none.
            Index parent = no_index;
            if (!extra) {
              if (head) {
                parent = unit_iku_[u].first + static_cast<Index>(static_cast<std::uint32_t>(k) % unit_iku_[u].count);
              } else {
                const Owner& hi = head_iki_[u];
                if (hi.count > 0 && r.chance(2.0 / 3.0)) {
                  parent = hi.first + static_cast<Index>(r.below(hi.count));
                } else {
                  parent = unit_iku_[u].first + static_cast<Index>(r.below(unit_iku_[u].count));
                }
              }
            }
            const double g = g_emp + 0.05 * r.normal();
            if (!extra) {
              g_sum += g;
              ++g_n;
            }
            const std::string parent_id = parent == no_index ? std::string() : id_of(parent, is_iku_row(parent));
            const double slope = 0.05 * static_cast<double>(p.slope) + 0.03 * r.normal();
            emit_indicator(t, OwnerType::Employee, erow(pi), nip_of(a, pi), y, rhk_text_,
                           extra ? IndicatorKind::Tambahan : IndicatorKind::Utama, weighted_e, parent, parent_id,
                           quarterly_e, g, slope, r, false);
          }
        }
        if (mine) mine->count = static_cast<std::uint32_t>(indicator_count_ - mine->first);
        mean_g_[pi] = static_cast<float>(g_n > 0 ? g_sum / g_n : g_emp);
      }
    }
    iku_rows_.clear();
    write_ratings(a, y);
    if (y.full()) {
      if (a.plan.feedback) write_feedback(a, y);
      write_org_ratings(a, y);
      write_surveys(a, y);
    }
  }

  // Indicator ids: "IKU-" or "IKI-" and the global row in base 36. Which prefix a row has is
  // remembered for the rows that can be parents (this year's IKU of the agency).
  std::string id_of(Index row, bool iku) const {
    std::string s = iku ? "IKU-" : "IKI-";
    append_base36(s, row);
    return s;
  }
  bool is_iku_row(Index row) const {
    return std::binary_search(iku_rows_.begin(), iku_rows_.end(), row);
  }

  void emit_indicator(const Template& t, OwnerType owner_type, Index owner, std::string_view owner_id,
                      const YearInfo& y, std::string_view rhk, IndicatorKind kind, bool weighted, Index parent,
                      std::string_view parent_id, bool quarterly, double g, double slope, Rng& r, bool iku) {
    if (indicator_count_ >= no_index - 1) {
      throw error(errc::OutOfRange, "more than 4 294 967 294 indicators: fewer employees, RHK or IKI per RHK");
    }
    const auto row = static_cast<Index>(indicator_count_++);
    if (iku) iku_rows_.push_back(row);
    id_.assign(iku ? "IKU-" : "IKI-");
    append_base36(id_, row);
    double target = t.target;
    if (t.spread > 0) {
      target = t.target * (1 - t.spread / 2 + t.spread * r.uniform());
      target = t.dec == 0 ? std::max(1.0, std::floor(target + 0.5)) : target;
    }
    IndicatorRow ir{};
    ir.id = id_;
    ir.owner_type = owner_type;
    ir.owner = owner;
    ir.owner_id = owner_id;
    ir.year = y.year;
    ir.name = iku || o_.iki_names ? std::string_view(t.name) : std::string_view();
    ir.rhk = rhk;
    ir.kind = kind;
    ir.aspect = t.aspect;
    ir.uom = t.uom;
    ir.polarity = t.polarity;
    ir.target = fixed_of(target, 2);
    ir.has_upper = has_target_range(t.polarity);
    ir.upper = fixed_of(t.upper, 2);
    ir.has_weight = weighted;
    ir.weight = fixed_of(r.chance(0.03) ? 0.0 : 10.0 * r.range(1, 5), 0);
    ir.accumulation = t.accumulation;
    ir.parent = parent;
    ir.parent_id = parent_id;
    ir.target_is_max = t.target_is_max;
    sink_.indicator(ir);
    realize(t, ir.target.value(), ir.has_upper ? ir.upper.value() : 0.0, y, quarterly, g, slope, r, row);
  }

  void realize(const Template& t, double target, double upper, const YearInfo& y, bool quarterly, double g0,
               double slope, Rng& r, Index row) {
    if (r.chance(empty_series_share)) return;
    const int periods = quarterly ? y.months / 3 : y.months;
    const int full = quarterly ? 4 : 12;
    double shift = 0;
    int shift_from = full;
    if (r.chance(change_point_share)) {
      shift = (r.chance(0.5) ? 1 : -1) * (0.15 + 0.15 * r.uniform());
      shift_from = full / 4 + static_cast<int>(r.below(static_cast<std::uint64_t>(full / 2)));
    }
    const double side = r.chance(0.5) ? 1.0 : -1.0;
    for (int p = 0; p < periods; ++p) {
      if (r.chance(gap_share)) {
        (void)r.next();  // keep the stream aligned whatever the period
        continue;
      }
      const int m0 = quarterly ? 3 * p : p;  // first month (0-based)
      const int m1 = quarterly ? 3 * p + 2 : p;
      double season = 0;
      for (int m = m0; m <= m1; ++m) season += seasons[static_cast<std::size_t>(t.season)][static_cast<std::size_t>(m)];
      season /= (m1 - m0 + 1);
      const double tf = (p + 0.5) / full;
      double g = g0 + slope * (tf - 0.5) + (p >= shift_from ? shift : 0.0) + 0.04 * r.normal();
      double v = 0;
      const double mid = has_target_range(t.polarity) ? (target + upper) / 2 : target;
      double level;
      switch (t.polarity) {
        case Polarity::Min:
        case Polarity::RangeMin: level = mid * std::max(0.05, 2 - g); break;
        case Polarity::Range: {
          const double h = (upper - target) / 2;
          level = mid + h * side * std::max(0.0, 0.5 - 4 * (g - 1)) + h * 0.3 * r.normal();
          break;
        }
        default: level = mid * g;
      }
      switch (t.accumulation) {
        case Accumulation::Sum: v = level * season * (m1 - m0 + 1) / 12.0; break;
        case Accumulation::Last:
          v = t.cum ? level * cumulative[static_cast<std::size_t>(t.cum)][static_cast<std::size_t>(m1)] : level;
          break;
        case Accumulation::Mean: v = level * season; break;
        case Accumulation::Max: v = level * (1 - 0.06 * r.uniform()); break;
        case Accumulation::Min: v = level * (1 + 0.06 * r.uniform()); break;
      }
      if (v < 0) v = 0;
      if (t.vmax > 0 && v > t.vmax) v = t.vmax;
      const Period period = quarterly ? Period::quarter(y.year, p + 1) : Period::month(y.year, p + 1);
      period_text_.clear();
      append_uint(period_text_, static_cast<std::uint64_t>(y.year));
      period_text_ += quarterly ? "-Q" : "-";
      if (quarterly) {
        append_uint(period_text_, static_cast<std::uint64_t>(p + 1));
      } else {
        append_padded(period_text_, static_cast<std::uint64_t>(p + 1), 2);
      }
      sink_.realization(row, id_, period, period_text_, fixed_of(v, t.dec));
    }
  }

  // ---- ratings
  void write_ratings(const Agency& a, const YearInfo& y) {
    Rng r(o_.seed, StreamRatings, a.plan.national_index, static_cast<std::uint64_t>(y.year));
    std::vector<Period> periods;
    std::vector<std::string> texts;
    if (y.full()) {
      periods.push_back(Period::year(y.year));
      texts.push_back(std::to_string(y.year));
    } else {
      for (int q = 1; q <= y.months / 3; ++q) {
        periods.push_back(Period::quarter(y.year, q));
        texts.push_back(std::to_string(y.year) + "-Q" + std::to_string(q));
      }
    }
    const int year_index = y.year - o_.first_year;
    for (std::size_t k = 0; k < periods.size(); ++k) {
      for (std::size_t i = 0; i < a.people.size(); ++i) {
        const Person& p = a.people[i];
        const std::uint8_t rater_plant = p.rater == none32 ? 0 : a.people[p.rater].planted;
        const double shift = rater_plant == 1 ? 1.2 : rater_plant == 2 ? -1.2 : 0.0;
        const double x = (static_cast<double>(mean_g_[i]) - 1) / 0.07 * 0.8 + 0.6 * r.normal() + shift;
        const double perf = static_cast<double>(p.perf) + static_cast<double>(p.slope) * year_index;
        const double b = 0.7 * perf + 0.7 * r.normal() + shift;
        auto rate = [](double z) { return z > 0.95 ? Rating::Above : z < -1.35 ? Rating::Below : Rating::Meets; };
        const bool innovation = r.chance(0.01);
        sink_.rating(erow(static_cast<std::uint32_t>(i)), nip_of(a, static_cast<std::uint32_t>(i)), periods[k],
                     texts[k], rate(x), rate(b), erow(p.rater), nip_of(a, p.rater), innovation);
      }
    }
  }

  // ---- 360 degree feedback
  void write_feedback(const Agency& a, const YearInfo& y) {
    Rng r(o_.seed, StreamFeedback, a.plan.national_index, static_cast<std::uint64_t>(y.year));
    const Period period = Period::year(y.year);
    const std::string ptext = std::to_string(y.year);
    const auto aspects = static_cast<std::size_t>(o_.feedback_aspects);
    const int year_index = y.year - o_.first_year;
    std::array<double, 7> ratee_aspect{};
    auto give = [&](std::uint32_t rater, std::uint32_t ratee, FeedbackSource source, double base) {
      if (source != FeedbackSource::Self) gave_[rater] = 1;
      for (std::size_t k = 0; k < aspects; ++k) {
        double s = base + aspect_effect[k] + ratee_aspect[k] + 4 * r.normal();
        if (source != FeedbackSource::Self) s += static_cast<double>(bias_[rater]);
        s = std::min(100.0, std::max(0.0, s));
        sink_.feedback(period, ptext, erow(rater), nip_of(a, rater), erow(ratee), nip_of(a, ratee), source,
                       fixed_of(s, 1), k);
      }
    };
    for (std::size_t i = 0; i < a.people.size(); ++i) {
      const auto e = static_cast<std::uint32_t>(i);
      const Person& p = a.people[i];
      const double perf = static_cast<double>(p.perf) + static_cast<double>(p.slope) * year_index;
      const double base = 74 + 6.5 * perf;
      for (std::size_t k = 0; k < aspects; ++k) ratee_aspect[k] = 2 * r.normal();
      if (p.rater != none32) give(p.rater, e, FeedbackSource::Supervisor, base);
      give(e, e, FeedbackSource::Self, base + 4);
      if (p.rater != none32) {
        // Peers: colleagues with the same rater, consecutive from a random start.
        const std::uint32_t b = a.report_offsets[p.rater], n = a.report_offsets[p.rater + 1] - b;
        if (n > 1) {
          const std::uint32_t want = std::min<std::uint32_t>(n - 1, static_cast<std::uint32_t>(2 + r.below(3)));
          std::uint32_t at = static_cast<std::uint32_t>(r.below(n));
          for (std::uint32_t got = 0; got < want; at = (at + 1) % n) {
            const std::uint32_t peer = a.reports[b + at];
            if (peer == e) continue;
            give(peer, e, FeedbackSource::Peer, base);
            ++got;
          }
        }
      }
      // Subordinates of a head.
      const std::uint32_t sb = a.report_offsets[e], sn = a.report_offsets[e + 1] - sb;
      if (sn > 0) {
        const std::uint32_t want = std::min<std::uint32_t>(sn, static_cast<std::uint32_t>(2 + r.below(3)));
        std::uint32_t at = static_cast<std::uint32_t>(r.below(sn));
        for (std::uint32_t got = 0; got < want; ++got, at = (at + 1) % sn) {
          give(a.reports[sb + at], e, FeedbackSource::Subordinate, base + 1.5);
        }
      }
    }
  }

  void write_org_ratings(const Agency& a, const YearInfo& y) {
    Rng r(o_.seed, StreamOrg, a.plan.national_index, static_cast<std::uint64_t>(y.year));
    const Period period = Period::year(y.year);
    const std::string ptext = std::to_string(y.year);
    for (std::size_t u = 0; u < a.units.size(); ++u) {
      const double z = static_cast<double>(a.units[u].perf) * 1.3 + 0.5 * r.normal();
      const OrgPredikat pr = z > 1.3    ? OrgPredikat::Istimewa
                             : z > -1.2 ? OrgPredikat::Baik
                             : z > -1.8 ? OrgPredikat::ButuhPerbaikan
                             : z > -2.3 ? OrgPredikat::Kurang
                                        : OrgPredikat::SangatKurang;
      sink_.org_rating(unit_offset_ + static_cast<Index>(u), a.units[u].id, period, ptext, pr);
    }
  }

  void write_surveys(const Agency& a, const YearInfo& y) {
    Rng r(o_.seed, StreamSurvey, a.plan.national_index, static_cast<std::uint64_t>(y.year));
    const Period period = Period::year(y.year);
    const std::string ptext = std::to_string(y.year);
    static constexpr std::array<double, 9> unsur = {0.1, 0.0, -0.1, 0.2, 0.1, 0.0, 0.15, -0.2, -0.05};
    const int lo = std::max(1, o_.max_respondents / 3);
    std::string respondent;
    for (std::size_t u = 0; u < a.units.size(); ++u) {
      if (!a.units[u].service) continue;
      const double quality = 3.1 + 0.3 * static_cast<double>(a.units[u].perf);
      const int count = r.range(lo, o_.max_respondents);
      for (int k = 1; k <= count; ++k) {
        respondent.assign("R");
        append_padded(respondent, static_cast<std::uint64_t>(k), 3);
        std::array<std::uint8_t, 9> answers{};
        bool any = false;
        for (std::size_t j = 0; j < 9; ++j) {
          if (r.chance(0.02)) continue;
          const double v = quality + unsur[j] + 0.6 * r.normal();
          answers[j] = static_cast<std::uint8_t>(v < 1.5 ? 1 : v < 2.5 ? 2 : v < 3.5 ? 3 : 4);
          any = true;
        }
        if (!any) answers[0] = 3;
        sink_.survey(unit_offset_ + static_cast<Index>(u), a.units[u].id, period, ptext, respondent, answers);
      }
    }
  }

  const GeneratorOptions& o_;
  Sink& sink_;
  GeneratorReport& report_;
  CountDistribution rhk_, iki_;
  std::vector<YearInfo> years_;
  Index unit_offset_ = 0, employee_offset_ = 0;
  std::uint64_t indicator_count_ = 0;
  double last_progress_ = -1;
  std::vector<Owner> unit_iku_, head_iki_;
  std::vector<Index> iku_rows_;  // IKU rows of the current agency-year, increasing
  std::vector<float> mean_g_, bias_;
  std::vector<std::uint8_t> gave_;
  std::string id_, rhk_text_, period_text_;
};

// ------------------------------------------------------------------------------------------
// Estimate.
// ------------------------------------------------------------------------------------------
std::size_t pool_slots_bytes(double count) {
  std::size_t want = 16;
  while (static_cast<double>(want) < count * 2) want *= 2;
  return want * 8;
}

double pool_bytes(double count, double mean_length) {
  return count * (mean_length + 8) + static_cast<double>(pool_slots_bytes(count));
}

// A TextColumn grows by doubling (it has no reserve): capacity is the next power of two.
double next_power_of_two(double x) {
  double p = 1;
  while (p < x) p *= 2;
  return p;
}
double text_bytes(double rows, double chars) { return next_power_of_two(rows + 1) * 8 + next_power_of_two(chars); }

void fill_summary(GeneratorReport& report, const Dataset& d) { report.tables = d.summary(); }

}  // namespace

void check_generator_options(const GeneratorOptions& o) {
  auto fail = [](const std::string& what) { throw error(errc::InvalidArgument, what); };
  auto share = [&](double v, const char* name) {
    if (!(v >= 0 && v <= 1)) fail(std::string(name) + " must be in 0..1");
  };
  if (o.employees < 1) fail("employees must be at least 1");
  if (o.employees > 50'000'000) fail("employees must be at most 50 000 000");
  if (o.first_year < 1900 || o.last_year > 2100 || o.first_year > o.last_year) {
    fail("years must satisfy 1900 <= first_year <= last_year <= 2100");
  }
  if (o.as_of_month < 1 || o.as_of_month > 12) fail("as_of_month must be in 1..12");
  if (!(o.mean_rhk >= 3 && o.mean_rhk <= 10)) fail("mean_rhk must be in 3..10");
  if (!(o.mean_iki_per_rhk >= 1 && o.mean_iki_per_rhk <= 3)) fail("mean_iki_per_rhk must be in 1..3");
  share(o.quarterly_share, "quarterly_share");
  share(o.feedback_share, "feedback_share");
  share(o.lenient_share, "lenient_share");
  share(o.severe_share, "severe_share");
  share(o.pppk_share, "pppk_share");
  share(o.survey_share, "survey_share");
  if (o.lenient_share + o.severe_share > 1) fail("lenient_share + severe_share must be at most 1");
  if (o.feedback_aspects < 1 || o.feedback_aspects > 7) fail("feedback_aspects must be in 1..7");
  if (o.max_respondents < 10 || o.max_respondents > 999) fail("max_respondents must be in 10..999");
}

Dataset generate_dataset(const GeneratorOptions& options, GeneratorReport* report) {
  check_generator_options(options);
  Dataset d;
  // Reserve the expected sizes (plus a margin) so that the large columns are allocated once.
  {
    GeneratorOptions quiet = options;
    quiet.progress = nullptr;
    const GeneratorEstimate est = estimate_dataset(quiet);
    auto rows = [&](std::size_t t) { return static_cast<std::size_t>(est.tables[t].rows * 1.02 + 1024); };
    const std::size_t ni = rows(2), nr = rows(3), nf = rows(5);
    d.employees.unit.reserve(options.employees);
    d.employees.rater.reserve(options.employees);
    d.employees.status.reserve(options.employees);
    d.employees.grade.reserve(options.employees);
    d.employees.position.reserve(options.employees);
    d.employees.nips.reserve(options.employees, options.employees * 18);
    IndicatorTable& t = d.indicators;
    t.ids.reserve(ni, ni * 9);
    t.owner_type.reserve(ni), t.owner.reserve(ni), t.year.reserve(ni), t.rhk.reserve(ni), t.kind.reserve(ni);
    t.aspect.reserve(ni), t.unit_of_measure.reserve(ni), t.polarity.reserve(ni), t.target.reserve(ni);
    t.target_upper.reserve(ni), t.weight.reserve(ni), t.accumulation.reserve(ni), t.parent.reserve(ni);
    t.target_is_max.reserve(ni);
    d.realizations.indicator.reserve(nr), d.realizations.period.reserve(nr), d.realizations.value.reserve(nr);
    d.feedback.period.reserve(nf), d.feedback.rater.reserve(nf), d.feedback.external_rater.reserve(nf);
    d.feedback.ratee.reserve(nf), d.feedback.source.reserve(nf), d.feedback.score.reserve(nf);
    d.feedback.aspect.reserve(nf);
    const std::size_t nu = est.units, nt = rows(4), no = rows(6), ns = rows(7);
    d.units.parent.reserve(nu), d.units.agency.reserve(nu), d.units.ids.reserve(nu, nu * 14);
    d.ratings.employee.reserve(nt), d.ratings.period.reserve(nt), d.ratings.result.reserve(nt);
    d.ratings.behavior.reserve(nt), d.ratings.rater.reserve(nt), d.ratings.innovation.reserve(nt);
    d.org_ratings.unit.reserve(no), d.org_ratings.period.reserve(no), d.org_ratings.predikat.reserve(no);
    d.surveys.unit.reserve(ns), d.surveys.period.reserve(ns), d.surveys.respondent.reserve(ns);
    d.surveys.answers.reserve(ns * SurveyTable::unsur_count);
  }
  GeneratorReport local;
  GeneratorReport& rep = report ? *report : local;
  rep = GeneratorReport{};
  DatasetSink sink(d);
  Engine<DatasetSink> engine(options, sink, rep);
  engine.run();
  d.realizations.build_index(d.indicators.size());
  for (TableSource* s : {&d.units.source, &d.employees.source, &d.indicators.source, &d.realizations.source,
                         &d.ratings.source, &d.feedback.source_file, &d.org_ratings.source, &d.surveys.source}) {
    s->present = true;
  }
  fill_summary(rep, d);
  return d;
}

void generate_folder(const GeneratorOptions& options, const std::string& folder, GeneratorReport* report) {
  check_generator_options(options);
  detail::OutputSet out(folder);
  static constexpr const char* names[] = {"units.csv",   "employees.csv", "indicators.csv",  "realizations.csv",
                                          "ratings.csv", "feedback.csv",  "org_ratings.csv", "surveys.csv"};
  std::array<std::ostream*, CsvSink::FileCount> streams{};
  for (std::size_t f = 0; f < streams.size(); ++f) streams[f] = &out.open(names[f]);
  GeneratorReport local;
  GeneratorReport& rep = report ? *report : local;
  rep = GeneratorReport{};
  CsvSink sink(streams);
  // Row counts come from a counting wrapper around the CSV sink.
  struct Counting {
    CsvSink& s;
    std::array<std::size_t, 8> rows{};
    void unit(std::string_view a, std::string_view b, Index c, std::string_view d, std::string_view e) {
      ++rows[0], s.unit(a, b, c, d, e);
    }
    void employee(std::string_view a, std::string_view b, Index c, std::string_view d, Index e, std::string_view f,
                  EmploymentStatus g, Grade h, Position i) {
      ++rows[1], s.employee(a, b, c, d, e, f, g, h, i);
    }
    void indicator(const IndicatorRow& r) { ++rows[2], s.indicator(r); }
    void realization(Index a, std::string_view b, Period c, std::string_view d, Fixed e) {
      ++rows[3], s.realization(a, b, c, d, e);
    }
    void rating(Index a, std::string_view b, Period c, std::string_view d, Rating e, Rating f, Index g,
                std::string_view h, bool i) {
      ++rows[4], s.rating(a, b, c, d, e, f, g, h, i);
    }
    void feedback(Period a, std::string_view b, Index c, std::string_view d, Index e, std::string_view f,
                  FeedbackSource g, Fixed h, std::size_t i) {
      ++rows[5], s.feedback(a, b, c, d, e, f, g, h, i);
    }
    void org_rating(Index a, std::string_view b, Period c, std::string_view d, OrgPredikat e) {
      ++rows[6], s.org_rating(a, b, c, d, e);
    }
    void survey(Index a, std::string_view b, Period c, std::string_view d, std::string_view e,
                const std::array<std::uint8_t, 9>& f) {
      ++rows[7], s.survey(a, b, c, d, e, f);
    }
    void flush() { s.flush(); }
  } counting{sink};
  Engine<Counting> engine(options, counting, rep);
  engine.run();
  out.commit();
  rep.tables.clear();
  for (std::size_t f = 0; f < 8; ++f) rep.tables.push_back(TableSummary{names[f], true, counting.rows[f]});
}

GeneratorEstimate estimate_dataset(const GeneratorOptions& o) {
  check_generator_options(o);
  GeneratorEstimate est;
  const std::vector<AgencyPlan> plans = plan_agencies(o);
  est.agencies = plans.size();
  const std::vector<YearInfo> years = years_of(o);
  double full_years = 0, periods_iki = 0, rating_periods = 0;
  for (const YearInfo& y : years) {
    full_years += y.full() ? 1 : 0;
    periods_iki += (1 - o.quarterly_share) * y.months + o.quarterly_share * (y.months / 3);
    rating_periods += y.full() ? 1 : y.months / 3;
  }
  double units = 0, service = 0, feedback_pairs = 0;
  Agency a;
  for (const AgencyPlan& plan : plans) {
    a.plan = plan;
    // Structure only; feedback agencies also need the reports to count the pairs.
    AgencyBuilder(o, a).build(plan.feedback);
    units += static_cast<double>(a.units.size());
    for (const UnitNode& u : a.units) service += u.service ? 1 : 0;
    if (!plan.feedback) continue;
    for (std::size_t i = 0; i < a.people.size(); ++i) {
      const Person& p = a.people[i];
      auto expected = [](std::uint32_t available) {  // E[min(2 + U{0,1,2}, available)]
        double s = 0;
        for (std::uint32_t k = 2; k <= 4; ++k) s += std::min(k, available);
        return s / 3;
      };
      feedback_pairs += 1;  // self
      if (p.rater != none32) {
        feedback_pairs += 1 + expected(a.report_offsets[p.rater + 1] - a.report_offsets[p.rater] - 1);
      }
      feedback_pairs += expected(a.report_offsets[i + 1] - a.report_offsets[i]);
    }
  }
  est.units = static_cast<std::size_t>(units);
  const double n = static_cast<double>(o.employees);
  const double y = static_cast<double>(years.size());
  const CountDistribution rhk(3, 10, o.mean_rhk), iki(1, 3, o.mean_iki_per_rhk);
  const double iki_per_year = rhk.mean * iki.mean;
  const double iki_rows = n * iki_per_year * y, iku_rows = units * 3.5 * y;
  const double indicators = iki_rows + iku_rows;
  const double realizations = (iki_rows + iku_rows) * (1 - empty_series_share) * (1 - gap_share) * periods_iki / y;
  const double ratings = n * rating_periods;
  const double feedback = feedback_pairs * static_cast<double>(o.feedback_aspects) * full_years;
  const double org = units * full_years;
  const double surveys = service * full_years * (std::max(1, o.max_respondents / 3) + o.max_respondents) / 2.0;
  const double iki_name = o.iki_names ? 30.0 : 0.0;
  auto add = [&](const char* name, double rows, double memory, double line) {
    est.tables.push_back({name, rows, memory, rows * line});
    est.memory_bytes += memory;
    est.file_bytes += rows * line;
  };
  add("units.csv", units, pool_bytes(units, 14) + text_bytes(units, units * 30) + units * (4 + 4), 49);
  add("employees.csv", n, pool_bytes(n, 18) + text_bytes(n, n * 14) + n * (4 + 4 + 1 + 2 + 1), 84);
  // Columns: owner_type .. target_is_max (48 bytes), then the realisation index (9 bytes).
  add("indicators.csv", indicators,
      pool_bytes(indicators, 9) + text_bytes(indicators, iki_rows * iki_name + iku_rows * 33) +
          indicators * (1 + 4 + 2 + 4 + 1 + 1 + 4 + 1 + 8 + 8 + 8 + 1 + 4 + 1 + 8 + 1),
      98 + iki_name);
  add("realizations.csv", realizations, realizations * (4 + 6 + 8), 21.5);
  add("ratings.csv", ratings, ratings * (4 + 6 + 1 + 1 + 4 + 1), 57);
  add("feedback.csv", feedback, feedback * (6 + 4 + 4 + 4 + 1 + 8 + 4), 65);
  add("org_ratings.csv", org, org * (4 + 6 + 1), 23);
  add("surveys.csv", surveys, surveys * (4 + 6 + 4 + 9), 39);
  return est;
}

}  // namespace v1
}  // namespace kinerja
