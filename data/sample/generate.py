#!/usr/bin/env python3
"""Generate the bundled kinerja sample dataset.

The dataset describes a fictional local government, Pemerintah Kabupaten Sukamaju, with about
320 employees (ASN: PNS and PPPK), their IKU/IKI indicators for 2024-2026, monthly realisations,
categorical ratings, 360-degree feedback, organisation predikat and IKM survey answers.

Run from anywhere:  python3 data/sample/generate.py
It rewrites the CSV files next to this script. The output is deterministic: the same script
always writes byte-identical files (fixed seed, no dependence on hash order or on the clock).
Only the Python 3 standard library is used.
"""

import csv
import datetime
import math
import os
import random

SEED = 20240131
HERE = os.path.dirname(os.path.abspath(__file__))
AGENCY = "KAB-SKM"
YEARS = (2024, 2025, 2026)
LAST_MONTH = {2024: 12, 2025: 12, 2026: 10}  # 2026 is year-to-date (January..October)
RATING_PERIODS = ("2024", "2025", "2026-Q1", "2026-Q2", "2026-Q3")
FEEDBACK_PERIODS = (2024, 2025)
ASPECTS = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
           "adaptif", "kolaboratif")

rng = random.Random(SEED)


# ---------------------------------------------------------------------------------------------
# Number formatting: at most 4 decimals, no exponent, no negative zero.
# ---------------------------------------------------------------------------------------------
def fmt(x, dec=4):
    if x is None:
        return ""
    if isinstance(x, int):
        return str(x)
    if not math.isfinite(x):
        raise ValueError("non-finite number")
    dec = min(dec, 4)
    s = "%.*f" % (dec, round(x, dec))
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def poisson(lam):
    """Deterministic Poisson sample from the module RNG (normal approximation for large lam)."""
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit = math.exp(-lam)
    k, prod = 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def weighted_choice(pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


# ---------------------------------------------------------------------------------------------
# Indicator templates.
#   acc: sum | last | mean | max | min;  cum: progress profile for cumulative 'last' indicators
#   season: seasonal profile for monthly values;  dec: decimals of realised values
#   step: additive change of the target per year (percentages, rates)
#   grow: relative change of the target per year (counts)
#   vmax: physical upper bound of a value (e.g. 100 for a percentage)
# ---------------------------------------------------------------------------------------------
TEMPLATES = {}


def tpl(key, name, uom, pol, aspect, acc, target, upper=None, tim=0, season=None, cum=None,
        dec=2, step=0.0, grow=0.0, count=False, vmax=None):
    TEMPLATES[key] = dict(key=key, name=name, uom=uom, pol=pol, aspect=aspect, acc=acc,
                          target=target, upper=upper, tim=tim, season=season, cum=cum, dec=dec,
                          step=step, grow=grow, count=count, vmax=vmax)


P100 = 100.0
# Pemda level
tpl("ipm", "Indeks Pembangunan Manusia", "indeks", "max", "kualitas", "last", 70.8, step=0.5, vmax=100)
tpl("miskin", "Persentase penduduk miskin", "persen", "min", "kualitas", "last", 8.6, step=-0.3)
tpl("lpe", "Laju pertumbuhan ekonomi daerah", "persen", "range", "kualitas", "mean", 5.0, upper=5.6)
tpl("sakip_pemda", "Nilai evaluasi SAKIP Pemerintah Kabupaten", "nilai", "max", "kualitas", "max", 68.0, step=1.5, vmax=100)
tpl("tpt", "Tingkat pengangguran terbuka", "persen", "min", "kualitas", "last", 6.2, step=-0.2)
# Setda / generic secretariat
tpl("indeks_rb", "Indeks reformasi birokrasi", "nilai", "max", "kualitas", "max", 66.0, step=2.0, vmax=100)
tpl("bpk_tl", "Persentase rekomendasi hasil pemeriksaan BPK yang ditindaklanjuti", "persen", "max", "kualitas", "last", P100, tim=1, cum="recommend", vmax=100)
tpl("realisasi_anggaran", "Persentase realisasi anggaran", "persen", "max", "biaya", "last", 95.0, cum="budget", vmax=100)
tpl("sarpras", "Persentase sarana prasarana kantor dalam kondisi baik (bulan terendah)", "persen", "max", "kualitas", "min", 90.0, vmax=100)
tpl("surat_waktu", "Rata-rata waktu penyelesaian naskah dinas", "hari", "min", "waktu", "mean", 3.0, dec=1, step=-0.2)
tpl("agenda_pimpinan", "Jumlah agenda pimpinan yang difasilitasi", "kegiatan", "max", "kuantitas", "sum", 240, count=True, grow=0.03, season="year_end")
tpl("anjab", "Jumlah dokumen analisis jabatan yang ditetapkan", "dokumen", "max", "kuantitas", "sum", 30, count=True, season="year_end")
tpl("produk_hukum", "Jumlah produk hukum daerah yang ditetapkan", "dokumen", "max", "kuantitas", "sum", 36, count=True, season="year_end")
tpl("jdih", "Persentase produk hukum yang diunggah ke JDIH tepat waktu", "persen", "max", "waktu", "mean", 95.0, vmax=100)
tpl("lapkeu_tepat", "Persentase laporan keuangan bulanan yang disampaikan tepat waktu", "persen", "max", "waktu", "mean", P100, vmax=100)
tpl("sakip_pd", "Nilai evaluasi SAKIP perangkat daerah", "nilai", "max", "kualitas", "max", 70.0, step=1.0, vmax=100)
# Pendidikan
tpl("apm_sd", "Angka partisipasi murni SD", "persen", "max", "kualitas", "last", 97.0, step=0.3, vmax=100)
tpl("apm_smp", "Angka partisipasi murni SMP", "persen", "max", "kualitas", "last", 80.0, step=1.0, vmax=100)
tpl("putus_sekolah", "Angka putus sekolah SMP", "persen", "min", "kualitas", "last", 0.6, step=-0.05)
tpl("akreditasi", "Persentase sekolah terakreditasi minimal B", "persen", "max", "kualitas", "last", 88.0, step=2.0, vmax=100)
tpl("kehadiran_pd", "Persentase kehadiran peserta didik", "persen", "max", "kualitas", "mean", 95.0, season="attendance", vmax=100)
tpl("rasio_rombel", "Rata-rata jumlah peserta didik per rombongan belajar SD", "orang", "range", "kualitas", "mean", 20.0, upper=28.0, dec=1)
tpl("pd_baru", "Jumlah peserta didik baru yang terdaftar di Dapodik", "orang", "max", "kuantitas", "sum", 9000, count=True, season="school_intake")
tpl("guru_pelatihan", "Jumlah guru yang mengikuti pelatihan peningkatan kompetensi", "orang", "max", "kuantitas", "sum", 600, count=True, grow=0.05, season="school_activity")
tpl("guru_sertifikasi", "Persentase guru bersertifikat pendidik", "persen", "max", "kualitas", "last", 72.0, step=3.0, vmax=100)
# Kesehatan
tpl("stunting", "Prevalensi stunting pada balita", "persen", "min", "kualitas", "last", 14.0, step=-1.0)
tpl("aki", "Jumlah kasus kematian ibu", "kasus", "min", "kualitas", "sum", 6, count=True)
tpl("dbd", "Jumlah kasus demam berdarah dengue", "kasus", "min", "kualitas", "sum", 150, count=True, grow=-0.05, season="rainy")
tpl("uhc", "Persentase penduduk yang memiliki jaminan kesehatan", "persen", "max", "kualitas", "last", 96.0, step=1.0, vmax=100)
tpl("d_s", "Persentase balita yang ditimbang (D/S)", "persen", "max", "kualitas", "mean", 85.0, step=1.0, vmax=100)
tpl("imunisasi", "Cakupan imunisasi dasar lengkap", "persen", "max", "kualitas", "last", 95.0, cum="linear", vmax=110)
tpl("tb_case", "Jumlah kasus baru tuberkulosis yang ditemukan", "kasus", "max", "kuantitas", "sum", 120, count=True, grow=0.05)
tpl("obat", "Persentase ketersediaan obat esensial (bulan terendah)", "persen", "max", "kualitas", "min", 90.0, vmax=100)
tpl("kunjungan", "Jumlah kunjungan rawat jalan", "kunjungan", "max", "kuantitas", "sum", 24000, count=True, grow=0.03)
tpl("tunggu", "Rata-rata waktu tunggu pelayanan pendaftaran", "menit", "min", "waktu", "mean", 15.0, dec=1, step=-1.0)
tpl("persalinan", "Cakupan pertolongan persalinan oleh tenaga kesehatan", "persen", "max", "kualitas", "last", P100, tim=1, vmax=100)
tpl("bor", "Tingkat hunian tempat tidur rawat inap (BOR)", "persen", "range", "kualitas", "mean", 60.0, upper=80.0, vmax=100)
tpl("k6", "Cakupan kunjungan ibu hamil K6", "persen", "max", "kualitas", "last", 88.0, cum="linear", step=2.0, vmax=110)
# PUPR
tpl("jalan_mantap", "Persentase jalan kabupaten dalam kondisi mantap", "persen", "max", "kualitas", "last", 74.0, step=2.0, vmax=100)
tpl("jalan_rehab", "Panjang jalan kabupaten yang direhabilitasi", "km", "max", "kuantitas", "sum", 45.0, dec=2, season="construction")
tpl("irigasi_baik", "Persentase jaringan irigasi dalam kondisi baik", "persen", "max", "kualitas", "last", 70.0, step=2.0, vmax=100)
tpl("air_minum", "Persentase rumah tangga dengan akses air minum layak", "persen", "max", "kualitas", "last", 85.0, step=2.0, vmax=100)
tpl("deviasi_waktu", "Rata-rata keterlambatan penyelesaian paket pekerjaan konstruksi", "hari", "min", "waktu", "mean", 10.0, dec=1)
tpl("fisik", "Persentase realisasi fisik kegiatan konstruksi", "persen", "max", "kuantitas", "last", P100, cum="construction", vmax=100)
# Bappeda
tpl("konsistensi", "Persentase konsistensi program RKPD terhadap RPJMD", "persen", "max", "kualitas", "max", 90.0, vmax=100)
tpl("dok_perencanaan", "Jumlah dokumen perencanaan yang ditetapkan tepat waktu", "dokumen", "max", "kuantitas", "sum", 8, count=True)
tpl("inflasi", "Laju inflasi daerah", "persen", "range", "kualitas", "mean", 1.5, upper=3.5)
tpl("musrenbang", "Persentase usulan musrenbang yang terverifikasi", "persen", "max", "kualitas", "last", P100, cum="early", vmax=100)
tpl("kajian", "Jumlah kajian kebijakan yang dimanfaatkan", "kajian", "max", "kuantitas", "sum", 6, count=True)
tpl("inovasi_daerah", "Jumlah inovasi daerah yang diuji coba", "inovasi", "max", "kuantitas", "sum", 10, count=True)
# BKPSDM
tpl("ip_asn", "Indeks profesionalitas ASN", "indeks", "max", "kualitas", "max", 70.0, step=2.0, vmax=100)
tpl("skp_tepat", "Persentase ASN yang SKP-nya ditetapkan tepat waktu", "persen", "max", "waktu", "last", P100, tim=1, cum="skp", vmax=100)
tpl("bangkom", "Jumlah ASN yang mengikuti pengembangan kompetensi", "orang", "max", "kuantitas", "sum", 1800, count=True, grow=0.05)
tpl("kp_waktu", "Rata-rata waktu penyelesaian usulan kenaikan pangkat", "hari", "min", "waktu", "mean", 14.0, dec=1, step=-1.0)
tpl("jpt_definitif", "Persentase jabatan pimpinan yang terisi definitif", "persen", "max", "kualitas", "last", 92.0, step=2.0, vmax=100)
tpl("kp_usulan", "Jumlah usulan kenaikan pangkat yang diproses", "usulan", "max", "kuantitas", "sum", 900, count=True)
# Dukcapil
tpl("ktp_el", "Persentase penduduk wajib KTP yang memiliki KTP-el", "persen", "max", "kualitas", "last", 97.0, step=0.5, vmax=100)
tpl("kia", "Persentase anak yang memiliki Kartu Identitas Anak", "persen", "max", "kualitas", "last", 55.0, step=5.0, vmax=100)
tpl("dok_tepat", "Persentase dokumen kependudukan terbit tepat waktu", "persen", "max", "waktu", "mean", P100, vmax=100)
tpl("tunggu_ktp", "Rata-rata waktu tunggu pelayanan KTP-el", "menit", "min", "waktu", "mean", 30.0, dec=1, step=-2.0)
tpl("akta", "Jumlah akta kelahiran yang diterbitkan", "dokumen", "max", "kuantitas", "sum", 12000, count=True)
tpl("uptime", "Persentase ketersediaan layanan SIAK (bulan terendah)", "persen", "max", "kualitas", "min", 98.0, vmax=100)
tpl("data_update", "Jumlah data kependudukan yang dimutakhirkan", "data", "max", "kuantitas", "sum", 60000, count=True)
# DPMPTSP
tpl("investasi", "Nilai realisasi investasi", "miliar rupiah", "max", "biaya", "sum", 850.0, dec=1, grow=0.06)
tpl("izin_oss", "Jumlah perizinan berusaha yang diterbitkan melalui OSS", "izin", "max", "kuantitas", "sum", 3600, count=True, grow=0.05)
tpl("izin_waktu", "Rata-rata lama penyelesaian perizinan berusaha", "hari", "min", "waktu", "mean", 5.0, dec=1, step=-0.5)
tpl("aduan_tl", "Persentase pengaduan masyarakat yang ditindaklanjuti", "persen", "max", "kualitas", "mean", P100, vmax=100)
tpl("aduan_waktu", "Rata-rata waktu penanganan pengaduan perizinan", "hari", "min", "waktu", "mean", 5.0, dec=1)
# Kecamatan
tpl("paten_tepat", "Persentase layanan PATEN yang selesai tepat waktu", "persen", "max", "waktu", "mean", 95.0, vmax=100)
tpl("paten_jumlah", "Jumlah layanan administrasi terpadu kecamatan (PATEN)", "berkas", "max", "kuantitas", "sum", 2400, count=True)
tpl("aduan_kec", "Rata-rata waktu penanganan pengaduan masyarakat kecamatan", "hari", "min", "waktu", "mean", 3.0, dec=1)
tpl("apbdes", "Persentase desa yang menyampaikan laporan APBDes tepat waktu", "persen", "max", "waktu", "last", P100, cum="early", vmax=100)
tpl("trantib", "Jumlah kegiatan koordinasi ketenteraman dan ketertiban umum", "kegiatan", "max", "kuantitas", "sum", 24, count=True)
# Staff (IKI) templates: administration
tpl("s_surat", "Jumlah surat masuk dan keluar yang diagendakan", "surat", "max", "kuantitas", "sum", 1200, count=True)
tpl("s_arsip", "Persentase arsip yang tertata sesuai klasifikasi", "persen", "max", "kualitas", "last", 95.0, cum="linear", vmax=100)
tpl("s_lap_bulanan", "Jumlah laporan bulanan yang disusun", "laporan", "max", "kuantitas", "sum", 12, count=True)
tpl("s_input_waktu", "Rata-rata waktu penyelesaian input data", "hari", "min", "waktu", "mean", 2.0, dec=1)
tpl("s_bmd", "Jumlah barang milik daerah yang diinventarisasi", "unit", "max", "kuantitas", "sum", 800, count=True)
tpl("s_spj", "Jumlah dokumen pertanggungjawaban keuangan yang diverifikasi", "dokumen", "max", "kuantitas", "sum", 600, count=True, season="year_end")
tpl("s_data_pegawai", "Jumlah data pegawai yang dimutakhirkan", "data", "max", "kuantitas", "sum", 400, count=True)
tpl("s_kajian_hukum", "Jumlah rancangan produk hukum yang dikaji", "rancangan", "max", "kuantitas", "sum", 40, count=True, season="year_end")
tpl("s_anjab", "Jumlah dokumen analisis jabatan yang disusun", "dokumen", "max", "kuantitas", "sum", 12, count=True)
# Staff: education
tpl("s_supervisi", "Jumlah sekolah yang disupervisi", "sekolah", "max", "kuantitas", "sum", 30, count=True, season="school_activity")
tpl("s_dapodik", "Jumlah data peserta didik yang divalidasi di Dapodik", "data", "max", "kuantitas", "sum", 4000, count=True, season="school_intake")
tpl("s_modul", "Persentase guru binaan yang menyusun modul ajar", "persen", "max", "kualitas", "last", 90.0, cum="linear", vmax=100)
tpl("s_lap_pengawasan", "Jumlah laporan hasil pengawasan sekolah", "laporan", "max", "kuantitas", "sum", 24, count=True, season="school_activity")
# Staff: health
tpl("s_pasien", "Jumlah pasien yang dilayani", "pasien", "max", "kuantitas", "sum", 2400, count=True)
tpl("s_askep", "Jumlah asuhan keperawatan yang didokumentasikan", "dokumen", "max", "kuantitas", "sum", 1500, count=True)
tpl("s_persalinan", "Jumlah persalinan yang ditolong", "persalinan", "max", "kuantitas", "sum", 60, count=True)
tpl("s_anc", "Persentase ibu hamil binaan yang mendapat pelayanan antenatal", "persen", "max", "kualitas", "last", 95.0, cum="linear", vmax=110)
tpl("s_balita", "Jumlah balita yang dipantau pertumbuhannya", "balita", "max", "kuantitas", "sum", 1800, count=True)
tpl("s_layan_menit", "Rata-rata waktu pelayanan per pasien", "menit", "min", "waktu", "mean", 15.0, dec=1)
tpl("s_lab", "Jumlah sampel laboratorium yang diperiksa", "sampel", "max", "kuantitas", "sum", 3000, count=True)
tpl("s_resep", "Persentase resep yang dilayani sesuai standar", "persen", "max", "kualitas", "mean", 98.0, vmax=100)
tpl("s_home_visit", "Jumlah kunjungan rumah keluarga berisiko", "kunjungan", "max", "kuantitas", "sum", 48, count=True)
tpl("s_surveilans", "Jumlah laporan surveilans penyakit yang dikirim tepat waktu", "laporan", "max", "waktu", "sum", 52, count=True, season="rainy")
# Staff: public works
tpl("s_paket", "Jumlah paket pekerjaan yang diawasi", "paket", "max", "kuantitas", "sum", 12, count=True, season="construction")
tpl("s_survei_jalan", "Panjang ruas jalan yang disurvei kondisinya", "km", "max", "kuantitas", "sum", 120.0, dec=1)
tpl("s_dok_teknis", "Persentase dokumen teknis yang selesai tepat waktu", "persen", "max", "waktu", "mean", 95.0, vmax=100)
tpl("s_gambar", "Jumlah gambar rencana teknis yang disusun", "gambar", "max", "kuantitas", "sum", 40, count=True)
tpl("s_progres_telat", "Rata-rata keterlambatan laporan progres fisik", "hari", "min", "waktu", "mean", 3.0, dec=1)
# Staff: planning
tpl("s_bahan_rapat", "Jumlah bahan rapat perencanaan yang disiapkan", "dokumen", "max", "kuantitas", "sum", 36, count=True)
tpl("s_statistik", "Jumlah data statistik sektoral yang dimutakhirkan", "data", "max", "kuantitas", "sum", 240, count=True)
tpl("s_kajian", "Jumlah kajian yang disusun", "kajian", "max", "kuantitas", "sum", 3, count=True, season="year_end")
# Staff: personnel
tpl("s_kp", "Jumlah usulan kenaikan pangkat yang diverifikasi", "usulan", "max", "kuantitas", "sum", 300, count=True)
tpl("s_rekap_skp", "Jumlah data SKP pegawai yang direkapitulasi", "data", "max", "kuantitas", "sum", 3000, count=True)
tpl("s_peserta_diklat", "Jumlah peserta pelatihan yang difasilitasi", "orang", "max", "kuantitas", "sum", 300, count=True)
tpl("s_mutasi_waktu", "Rata-rata waktu penyelesaian usulan mutasi", "hari", "min", "waktu", "mean", 10.0, dec=1)
# Staff: civil registration
tpl("s_ktp_cetak", "Jumlah KTP-el yang dicetak", "keping", "max", "kuantitas", "sum", 3000, count=True)
tpl("s_akta_verif", "Jumlah berkas akta yang diverifikasi", "berkas", "max", "kuantitas", "sum", 2400, count=True)
tpl("s_data_penduduk", "Jumlah data kependudukan yang dimutakhirkan", "data", "max", "kuantitas", "sum", 6000, count=True)
tpl("s_verif_menit", "Rata-rata waktu verifikasi berkas kependudukan", "menit", "min", "waktu", "mean", 10.0, dec=1)
tpl("s_jemput_bola", "Jumlah layanan jemput bola yang dilaksanakan", "kegiatan", "max", "kuantitas", "sum", 24, count=True)
# Staff: licensing
tpl("s_berkas_izin", "Jumlah berkas perizinan yang diverifikasi", "berkas", "max", "kuantitas", "sum", 900, count=True)
tpl("s_aduan_jawab", "Jumlah pengaduan yang dijawab", "pengaduan", "max", "kuantitas", "sum", 120, count=True)
tpl("s_verif_izin_hari", "Rata-rata waktu verifikasi berkas perizinan", "hari", "min", "waktu", "mean", 2.0, dec=1)
tpl("s_fasilitasi_oss", "Jumlah pelaku usaha yang difasilitasi OSS", "pelaku usaha", "max", "kuantitas", "sum", 400, count=True)
# Staff: kecamatan
tpl("s_paten", "Jumlah berkas PATEN yang diproses", "berkas", "max", "kuantitas", "sum", 800, count=True)
tpl("s_desa_bina", "Jumlah desa yang dibina administrasinya", "desa", "max", "kuantitas", "sum", 12, count=True)
tpl("s_surket_menit", "Rata-rata waktu pelayanan surat keterangan", "menit", "min", "waktu", "mean", 20.0, dec=1)
tpl("s_trantib_lap", "Jumlah laporan monitoring ketenteraman dan ketertiban", "laporan", "max", "kuantitas", "sum", 12, count=True)
# Tambahan (additional tasks)
tpl("t_narasumber", "Jumlah kegiatan sebagai narasumber atau fasilitator", "kegiatan", "max", "kuantitas", "sum", 4, count=True)
tpl("t_panitia", "Jumlah tugas kepanitiaan yang diselesaikan", "kegiatan", "max", "kuantitas", "sum", 3, count=True)
tpl("t_mentor", "Jumlah pegawai baru yang dibimbing", "orang", "max", "kuantitas", "sum", 2, count=True)

STAFF_POOLS = {
    "admin": ["s_surat", "s_arsip", "s_lap_bulanan", "s_input_waktu", "s_bmd", "s_spj", "s_data_pegawai"],
    "pemda": ["s_kajian", "s_bahan_rapat", "s_lap_bulanan"],
    "setda": ["s_kajian_hukum", "s_anjab", "s_spj", "s_bmd"],
    "sek": ["s_spj", "s_data_pegawai", "s_lap_bulanan"],
    "disdik": ["s_supervisi", "s_dapodik", "s_modul", "s_lap_pengawasan"],
    "dinkes": ["s_balita", "s_surveilans", "s_home_visit", "s_lab", "s_anc"],
    "puskesmas": ["s_pasien", "s_askep", "s_persalinan", "s_anc", "s_balita", "s_layan_menit",
                  "s_lab", "s_resep", "s_home_visit"],
    "pupr": ["s_paket", "s_survei_jalan", "s_dok_teknis", "s_gambar", "s_progres_telat"],
    "bappeda": ["s_bahan_rapat", "s_statistik", "s_kajian"],
    "bkpsdm": ["s_kp", "s_rekap_skp", "s_peserta_diklat", "s_mutasi_waktu", "s_data_pegawai"],
    "dukcapil": ["s_ktp_cetak", "s_akta_verif", "s_data_penduduk", "s_verif_menit", "s_jemput_bola"],
    "dpmptsp": ["s_berkas_izin", "s_aduan_jawab", "s_verif_izin_hari", "s_fasilitasi_oss"],
    "kecamatan": ["s_paten", "s_desa_bina", "s_surket_menit", "s_trantib_lap"],
}
TAMBAHAN_POOL = ["t_narasumber", "t_panitia", "t_mentor"]

SEASONS = {
    "school_intake": [0.3, 0.3, 0.3, 0.4, 0.6, 1.6, 3.6, 2.6, 0.9, 0.5, 0.5, 0.4],
    "school_activity": [1.1, 1.2, 1.2, 1.1, 1.1, 0.5, 0.6, 1.2, 1.2, 1.2, 1.1, 0.5],
    "attendance": [0.99, 1.0, 1.0, 0.975, 0.99, 0.97, 0.96, 1.0, 1.0, 1.0, 0.99, 0.975],
    "rainy": [1.8, 2.0, 1.7, 1.2, 0.8, 0.5, 0.4, 0.3, 0.4, 0.7, 1.0, 1.4],
    "construction": [0.2, 0.3, 0.5, 0.7, 0.9, 1.1, 1.3, 1.5, 1.6, 1.6, 1.4, 0.9],
    "year_end": [0.7, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.4],
}
for _k, _v in SEASONS.items():
    if _k != "attendance":  # multiplicative on rates: keep as is; others normalised to mean 1
        _m = sum(_v) / 12.0
        SEASONS[_k] = [x / _m for x in _v]

CUMS = {
    "budget": [0.04, 0.09, 0.16, 0.24, 0.32, 0.41, 0.50, 0.58, 0.67, 0.76, 0.86, 1.0],
    "construction": [0.02, 0.05, 0.10, 0.17, 0.25, 0.35, 0.46, 0.57, 0.68, 0.79, 0.90, 1.0],
    "linear": [m / 12.0 for m in range(1, 13)],
    "recommend": [0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.0],
    "skp": [0.82, 0.97, 0.99, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    "early": [0.15, 0.35, 0.55, 0.70, 0.80, 0.86, 0.90, 0.93, 0.95, 0.97, 0.99, 1.0],
}

# ---------------------------------------------------------------------------------------------
# Organisation: (unit_id, name, parent_id, category, head kind, staff [(role, n)], IKU keys)
#   head kind: sekda | jpt | adm | pgw;  roles: jpt (staf ahli), fung (fungsional ahli),
#   fungt (fungsional keterampilan), pel (pelaksana)
# ---------------------------------------------------------------------------------------------
UNITS = [
    ("PEMDA", "Pemerintah Kabupaten Sukamaju", "", "pemda", "sekda", [("jpt", 2)],
     ["ipm", "miskin", "lpe", "sakip_pemda", "tpt"]),
    ("SETDA", "Sekretariat Daerah", "PEMDA", "setda", "jpt", [("fung", 3)],
     ["indeks_rb", "bpk_tl", "realisasi_anggaran"]),
    ("SETDA-UMUM", "Bagian Umum Sekretariat Daerah", "SETDA", "setda", "adm", [("pel", 4)],
     ["sarpras", "surat_waktu", "realisasi_anggaran"]),
    ("SETDA-UMUM-RT", "Subbagian Rumah Tangga dan Perlengkapan", "SETDA-UMUM", "setda", "pgw", [("pel", 6)],
     ["sarpras", "agenda_pimpinan"]),
    ("SETDA-ORG", "Bagian Organisasi", "SETDA", "setda", "adm", [("fung", 3), ("pel", 1)],
     ["indeks_rb", "anjab"]),
    ("SETDA-HUK", "Bagian Hukum", "SETDA", "setda", "adm", [("fung", 3)],
     ["produk_hukum", "jdih"]),
    ("SETDA-KEU", "Bagian Perencanaan dan Keuangan", "SETDA", "setda", "adm", [("pel", 3), ("fung", 2)],
     ["realisasi_anggaran", "lapkeu_tepat", "bpk_tl"]),
    ("DISDIK", "Dinas Pendidikan", "PEMDA", "disdik", "jpt", [("fung", 4)],
     ["apm_sd", "apm_smp", "putus_sekolah", "akreditasi"]),
    ("DISDIK-SEK", "Sekretariat Dinas Pendidikan", "DISDIK", "sek", "adm", [("pel", 5)],
     ["realisasi_anggaran", "sakip_pd", "lapkeu_tepat"]),
    ("DISDIK-SD", "Bidang Pembinaan Sekolah Dasar", "DISDIK", "disdik", "adm", [("fung", 2), ("pel", 1)],
     ["apm_sd", "kehadiran_pd", "rasio_rombel"]),
    ("DISDIK-SD-KUR", "Seksi Kurikulum dan Penilaian SD", "DISDIK-SD", "disdik", "pgw", [("fung", 2), ("pel", 2)],
     ["guru_pelatihan", "akreditasi"]),
    ("DISDIK-SD-PD", "Seksi Peserta Didik SD", "DISDIK-SD", "disdik", "pgw", [("pel", 3)],
     ["pd_baru", "kehadiran_pd"]),
    ("DISDIK-SMP", "Bidang Pembinaan Sekolah Menengah Pertama", "DISDIK", "disdik", "adm", [("fung", 2), ("pel", 2)],
     ["apm_smp", "putus_sekolah", "kehadiran_pd"]),
    ("DISDIK-SMP-KUR", "Seksi Kurikulum dan Penilaian SMP", "DISDIK-SMP", "disdik", "pgw", [("fung", 2), ("pel", 2)],
     ["guru_pelatihan", "akreditasi"]),
    ("DISDIK-GTK", "Bidang Guru dan Tenaga Kependidikan", "DISDIK", "disdik", "adm", [("fung", 5), ("pel", 4)],
     ["guru_pelatihan", "guru_sertifikasi"]),
    ("DINKES", "Dinas Kesehatan", "PEMDA", "dinkes", "jpt", [("fung", 3)],
     ["stunting", "aki", "dbd", "uhc"]),
    ("DINKES-SEK", "Sekretariat Dinas Kesehatan", "DINKES", "sek", "adm", [("pel", 4)],
     ["realisasi_anggaran", "sakip_pd", "surat_waktu"]),
    ("DINKES-KESMAS", "Bidang Kesehatan Masyarakat", "DINKES", "dinkes", "adm", [("fung", 3)],
     ["stunting", "d_s"]),
    ("DINKES-KESMAS-GIZI", "Seksi Kesehatan Keluarga dan Gizi", "DINKES-KESMAS", "dinkes", "pgw", [("fung", 2), ("fungt", 2)],
     ["stunting", "d_s", "aki"]),
    ("DINKES-P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "DINKES", "dinkes", "adm", [("fung", 2), ("fungt", 2)],
     ["dbd", "imunisasi", "tb_case"]),
    ("DINKES-YANKES", "Bidang Pelayanan Kesehatan", "DINKES", "dinkes", "adm", [("fung", 2), ("pel", 1)],
     ["uhc", "obat"]),
    ("PKM-SKM", "UPT Puskesmas Sukamaju", "DINKES", "puskesmas", "pgw", [("fung", 6), ("fungt", 14), ("pel", 3)],
     ["kunjungan", "tunggu", "persalinan", "bor", "k6"]),
    ("PKM-CRG", "UPT Puskesmas Cirangkong", "DINKES", "puskesmas", "pgw", [("fung", 4), ("fungt", 11), ("pel", 2)],
     ["kunjungan", "tunggu", "persalinan", "k6"]),
    ("PKM-WNJ", "UPT Puskesmas Wanajaya", "DINKES", "puskesmas", "pgw", [("fung", 3), ("fungt", 9), ("pel", 2)],
     ["kunjungan", "tunggu", "k6", "tb_case"]),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "PEMDA", "pupr", "jpt", [("fung", 3)],
     ["jalan_mantap", "irigasi_baik", "air_minum"]),
    ("DPUPR-SEK", "Sekretariat Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "sek", "adm", [("pel", 4)],
     ["realisasi_anggaran", "sakip_pd"]),
    ("DPUPR-BM", "Bidang Bina Marga", "DPUPR", "pupr", "adm", [("fung", 3), ("pel", 2)],
     ["jalan_mantap", "jalan_rehab", "fisik"]),
    ("DPUPR-BM-JLN", "Seksi Pembangunan dan Pemeliharaan Jalan", "DPUPR-BM", "pupr", "pgw", [("fung", 4), ("pel", 5)],
     ["jalan_rehab", "deviasi_waktu"]),
    ("DPUPR-SDA", "Bidang Sumber Daya Air", "DPUPR", "pupr", "adm", [("fung", 3), ("pel", 2)],
     ["irigasi_baik", "fisik"]),
    ("DPUPR-CK", "Bidang Cipta Karya", "DPUPR", "pupr", "adm", [("fung", 2), ("pel", 2)],
     ["air_minum", "fisik", "deviasi_waktu"]),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "PEMDA", "bappeda", "jpt", [("fung", 3)],
     ["konsistensi", "dok_perencanaan", "inflasi"]),
    ("BAPPEDA-SEK", "Sekretariat Badan Perencanaan Pembangunan Daerah", "BAPPEDA", "sek", "adm", [("pel", 3)],
     ["realisasi_anggaran", "lapkeu_tepat"]),
    ("BAPPEDA-REN", "Bidang Perencanaan Pembangunan", "BAPPEDA", "bappeda", "adm", [("fung", 5), ("pel", 1)],
     ["konsistensi", "dok_perencanaan", "musrenbang"]),
    ("BAPPEDA-LITBANG", "Bidang Penelitian dan Pengembangan", "BAPPEDA", "bappeda", "adm", [],
     ["kajian", "inovasi_daerah"]),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "PEMDA", "bkpsdm", "jpt", [("fung", 3)],
     ["ip_asn", "skp_tepat", "bangkom"]),
    ("BKPSDM-SEK", "Sekretariat Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", "sek", "adm", [("pel", 3)],
     ["realisasi_anggaran", "surat_waktu"]),
    ("BKPSDM-MUT", "Bidang Mutasi dan Promosi", "BKPSDM", "bkpsdm", "adm", [("fung", 3), ("pel", 4)],
     ["kp_waktu", "jpt_definitif", "kp_usulan"]),
    ("BKPSDM-BANG", "Bidang Pengembangan Kompetensi", "BKPSDM", "bkpsdm", "adm", [("fung", 2), ("pel", 2)],
     ["bangkom", "ip_asn"]),
    ("BKPSDM-PK", "Bidang Penilaian Kinerja dan Penghargaan", "BKPSDM", "bkpsdm", "adm", [("fung", 2), ("pel", 1)],
     ["skp_tepat", "ip_asn"]),
    ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "PEMDA", "dukcapil", "jpt", [("fung", 3)],
     ["ktp_el", "kia", "dok_tepat"]),
    ("DUKCAPIL-SEK", "Sekretariat Dinas Kependudukan dan Pencatatan Sipil", "DUKCAPIL", "sek", "adm", [("pel", 3)],
     ["realisasi_anggaran", "sakip_pd"]),
    ("DUKCAPIL-DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk", "DUKCAPIL", "dukcapil", "adm", [("fung", 3), ("pel", 8)],
     ["ktp_el", "tunggu_ktp", "kia"]),
    ("DUKCAPIL-CAPIL", "Bidang Pelayanan Pencatatan Sipil", "DUKCAPIL", "dukcapil", "adm", [("fung", 2), ("pel", 5)],
     ["akta", "dok_tepat"]),
    ("DUKCAPIL-PIAK", "Bidang Pengelolaan Informasi Administrasi Kependudukan", "DUKCAPIL", "dukcapil", "adm", [("fung", 3), ("pel", 1)],
     ["uptime", "data_update"]),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "PEMDA", "dpmptsp", "jpt", [("fung", 3)],
     ["investasi", "izin_oss", "izin_waktu"]),
    ("DPMPTSP-SEK", "Sekretariat Dinas Penanaman Modal dan PTSP", "DPMPTSP", "sek", "adm", [("pel", 3)],
     ["realisasi_anggaran", "lapkeu_tepat"]),
    ("DPMPTSP-YAN", "Bidang Pelayanan Perizinan", "DPMPTSP", "dpmptsp", "adm", [("fung", 3), ("pel", 6)],
     ["izin_oss", "izin_waktu"]),
    ("DPMPTSP-ADU", "Bidang Pengaduan dan Informasi Layanan", "DPMPTSP", "dpmptsp", "adm", [("fung", 2), ("pel", 2)],
     ["aduan_tl", "aduan_waktu"]),
    ("KEC-SKM", "Kecamatan Sukamaju", "PEMDA", "kecamatan", "adm", [("pel", 3)],
     ["paten_tepat", "paten_jumlah", "aduan_kec", "apbdes"]),
    ("KEC-SKM-PEM", "Seksi Pemerintahan Kecamatan Sukamaju", "KEC-SKM", "kecamatan", "pgw", [("pel", 3)],
     ["apbdes", "trantib"]),
    ("KEC-SKM-YAN", "Seksi Pelayanan Umum Kecamatan Sukamaju", "KEC-SKM", "kecamatan", "pgw", [("pel", 4)],
     ["paten_jumlah", "paten_tepat"]),
    ("KEC-CRG", "Kecamatan Cirangkong", "PEMDA", "kecamatan", "adm", [("pel", 3)],
     ["paten_tepat", "aduan_kec", "apbdes"]),
    ("KEC-CRG-YAN", "Seksi Pelayanan Umum Kecamatan Cirangkong", "KEC-CRG", "kecamatan", "pgw", [("pel", 3)],
     ["paten_jumlah", "paten_tepat"]),
    ("KEC-WNJ", "Kecamatan Wanajaya", "PEMDA", "kecamatan", "adm", [("pel", 3)],
     ["paten_tepat", "aduan_kec", "apbdes"]),
    ("KEC-WNJ-YAN", "Seksi Pelayanan Umum Kecamatan Wanajaya", "KEC-WNJ", "kecamatan", "pgw", [("pel", 1)],
     ["paten_jumlah", "paten_tepat"]),
]

# Which IKU of the parent unit an IKU cascades from when the parent has no IKU with the same key
# (first match wins; otherwise the parent's IKU at the same position).
RELATED = {
    "kunjungan": ["uhc"], "tunggu": ["uhc"], "bor": ["uhc"], "obat": ["uhc"], "persalinan": ["aki"],
    "k6": ["aki"], "tb_case": ["dbd"], "d_s": ["stunting"], "imunisasi": ["stunting"],
    "apm_sd": ["ipm"], "apm_smp": ["ipm"], "putus_sekolah": ["ipm"], "akreditasi": ["ipm"],
    "kehadiran_pd": ["apm_sd", "apm_smp"], "rasio_rombel": ["apm_sd"], "pd_baru": ["apm_sd"],
    "guru_pelatihan": ["akreditasi"], "guru_sertifikasi": ["akreditasi"],
    "stunting": ["ipm"], "aki": ["ipm"], "dbd": ["ipm"], "uhc": ["ipm"],
    "jalan_mantap": ["lpe"], "irigasi_baik": ["lpe"], "air_minum": ["ipm"], "inflasi": ["lpe"],
    "jalan_rehab": ["jalan_mantap"], "fisik": ["jalan_mantap", "irigasi_baik", "air_minum"],
    "deviasi_waktu": ["jalan_rehab", "fisik", "air_minum"],
    "konsistensi": ["sakip_pemda"], "dok_perencanaan": ["sakip_pemda"], "musrenbang": ["konsistensi"],
    "kajian": ["konsistensi"], "inovasi_daerah": ["konsistensi"],
    "ip_asn": ["sakip_pemda"], "skp_tepat": ["sakip_pemda"], "bangkom": ["sakip_pemda"],
    "kp_waktu": ["ip_asn"], "jpt_definitif": ["ip_asn"], "kp_usulan": ["ip_asn"],
    "ktp_el": ["ipm"], "kia": ["ipm"], "dok_tepat": ["sakip_pemda"], "tunggu_ktp": ["ktp_el"],
    "akta": ["dok_tepat"], "uptime": ["ktp_el"], "data_update": ["ktp_el"],
    "investasi": ["lpe"], "izin_oss": ["lpe"], "izin_waktu": ["tpt"], "aduan_tl": ["izin_waktu"],
    "aduan_waktu": ["izin_waktu"], "paten_tepat": ["sakip_pemda"], "paten_jumlah": ["sakip_pemda"],
    "aduan_kec": ["sakip_pemda"], "apbdes": ["sakip_pemda"], "trantib": ["aduan_kec", "paten_tepat"],
    "indeks_rb": ["sakip_pemda"], "bpk_tl": ["sakip_pemda"], "produk_hukum": ["indeks_rb"],
    "jdih": ["indeks_rb"], "anjab": ["indeks_rb"], "surat_waktu": ["indeks_rb", "sakip_pd"],
    "lapkeu_tepat": ["realisasi_anggaran", "sakip_pd"], "sakip_pd": ["sakip_pemda", "indeks_rb"],
    "realisasi_anggaran": ["sakip_pemda"], "agenda_pimpinan": ["sarpras"],
}

# Relative size of a unit's count targets (e.g. a small Puskesmas has fewer visits).
UNIT_SCALE = {
    ("PKM-SKM", "kunjungan"): 1.35, ("PKM-WNJ", "kunjungan"): 0.7, ("PKM-WNJ", "tb_case"): 0.35,
    ("KEC-CRG-YAN", "paten_jumlah"): 0.75, ("KEC-WNJ-YAN", "paten_jumlah"): 0.5,
    ("DISDIK-SD-PD", "pd_baru"): 0.62, ("DISDIK-SD-KUR", "guru_pelatihan"): 0.4,
    ("DISDIK-SMP-KUR", "guru_pelatihan"): 0.3, ("DUKCAPIL-CAPIL", "akta"): 1.0,
}

# Trends of whole units (applied to the unit's IKU and, half as strong, to its members' IKI):
# slope in achievement ratio per year; change points (first year, first month, step).
UNIT_SLOPE = {"KEC-SKM": 0.07, "DISDIK-GTK": 0.06, "DPMPTSP-YAN": 0.05, "DPUPR-SDA": -0.13,
              "SETDA-HUK": -0.06, "KEC-WNJ": -0.04}
UNIT_CHANGE = {"PKM-WNJ": (2025, 7, -0.32), "DUKCAPIL-DAFDUK": (2025, 4, 0.20)}

# Organisation predikat (default baik) and the plan for the employee ratings of a unit-year:
# comply = meet SE MenPANRB 3/2023; violators are listed explicitly.
ORG_PREDIKAT = {
    ("BKPSDM-BANG", 2024): "istimewa", ("DINKES-P2P", 2024): "butuh_perbaikan",
    ("KEC-WNJ", 2025): "butuh_perbaikan",
    ("DUKCAPIL-DAFDUK", 2025): "istimewa", ("DUKCAPIL", 2025): "istimewa",
    ("DPMPTSP-YAN", 2025): "istimewa", ("PKM-WNJ", 2025): "butuh_perbaikan",
    ("DPUPR-SDA", 2025): "kurang", ("KEC-SKM", 2025): "istimewa",
}
RATING_MODE = {
    ("DPUPR-BM-JLN", 2024): "lenient", ("DPUPR-BM-JLN", 2025): "lenient",
    ("BKPSDM-MUT", 2024): "severe", ("BKPSDM-MUT", 2025): "severe",
    ("DISDIK-SD-KUR", 2024): "all_baik", ("DISDIK-SD-KUR", 2025): "all_baik",
    ("BAPPEDA-REN", 2025): "all_baik", ("SETDA-KEU", 2024): "no_low",
    ("DPMPTSP-YAN", 2025): "too_many_sb", ("PKM-WNJ", 2025): "natural_bp",
    ("DPUPR-SDA", 2025): "natural_bp",
}

MALE = ["Agus", "Budi", "Dedi", "Asep", "Hendra", "Rudi", "Yusuf", "Iwan", "Eko", "Bambang",
        "Dadang", "Ujang", "Rizki", "Fajar", "Ahmad", "Andi", "Taufik", "Wahyu", "Arif", "Dimas",
        "Hadi", "Irfan", "Joko", "Lukman", "Maman", "Nanang", "Rahmat", "Teguh", "Wawan", "Yayan",
        "Zaenal", "Gilang", "Bayu", "Cecep", "Dodi", "Galih", "Heri", "Indra", "Jajang", "Kusnadi",
        "Mulyadi", "Nandang", "Opan", "Pandu", "Ridwan", "Slamet", "Tatang", "Usep", "Yogi", "Aris"]
FEMALE = ["Siti", "Sri", "Dewi", "Rina", "Yuli", "Ani", "Nurul", "Lilis", "Euis", "Ratna", "Wulan",
          "Fitri", "Intan", "Kartika", "Lestari", "Maya", "Novi", "Putri", "Rani", "Sari", "Tuti",
          "Utami", "Vina", "Yanti", "Ayu", "Dian", "Eka", "Heni", "Imas", "Neneng", "Ida", "Reni",
          "Nina", "Tika", "Winda", "Yeni", "Cucu", "Enung", "Fika", "Gita", "Hana", "Irma", "Leni"]
LAST_M = ["Setiawan", "Hidayat", "Suryana", "Rahman", "Kurniawan", "Saputra", "Gunawan", "Permana",
          "Nugraha", "Wibowo", "Firmansyah", "Hermawan", "Pratama", "Santoso", "Susanto", "Sulaeman",
          "Maulana", "Ramdani", "Hakim", "Kusuma", "Wijaya", "Supriatna", "Hamdani", "Ruhiyat",
          "Sutisna", "Mulyana", "Kosasih", "Sobari", "Nurdin", "Fauzi"]
LAST_F = ["Lestari", "Rahayu", "Handayani", "Purnamasari", "Anggraeni", "Septiani", "Nurhayati",
          "Wulandari", "Maharani", "Kurniasih", "Fitriani", "Rosmawati", "Susilawati", "Komalasari",
          "Permatasari", "Hidayati", "Suryani", "Marlina", "Yuliani", "Kartini", "Setiawati",
          "Apriani", "Oktaviani", "Nuraeni"]

GRADES = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
          "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]
SERVICE = {"II/a": (1, 4), "II/b": (3, 9), "II/c": (6, 14), "II/d": (10, 20), "III/a": (1, 8),
           "III/b": (4, 12), "III/c": (8, 18), "III/d": (12, 24), "IV/a": (14, 28),
           "IV/b": (18, 30), "IV/c": (22, 32), "IV/d": (26, 33)}
GRADE_DIST = {
    "sekda": [("IV/d", 1.0)],
    "jpt": [("IV/b", 0.45), ("IV/c", 0.55)],
    "adm": [("III/d", 0.2), ("IV/a", 0.5), ("IV/b", 0.3)],
    "pgw": [("III/b", 0.1), ("III/c", 0.35), ("III/d", 0.4), ("IV/a", 0.15)],
    "pel": [("II/a", 0.1), ("II/b", 0.15), ("II/c", 0.2), ("II/d", 0.15), ("III/a", 0.25), ("III/b", 0.15)],
    "fung": [("III/a", 0.15), ("III/b", 0.25), ("III/c", 0.25), ("III/d", 0.2), ("IV/a", 0.1), ("IV/b", 0.05)],
    "fungt": [("II/b", 0.15), ("II/c", 0.3), ("II/d", 0.25), ("III/a", 0.2), ("III/b", 0.1)],
}
PPPK_GRADE = {"fung": [("IX", 0.6), ("X", 0.25), ("XI", 0.15)],
              "fungt": [("VII", 0.75), ("IX", 0.25)],
              "pel": [("V", 0.5), ("VI", 0.2), ("VII", 0.3)]}
PPPK_SHARE = {"fung": 0.17, "fungt": 0.36, "pel": 0.1}
POSITION = {"sekda": "jpt_pratama", "jpt": "jpt_pratama", "adm": "administrator", "pgw": "pengawas",
            "pel": "pelaksana", "fung": "fungsional", "fungt": "fungsional"}


# ---------------------------------------------------------------------------------------------
# Build units and employees
# ---------------------------------------------------------------------------------------------
unit_by_id = {}
unit_order = []
children = {}
for row in UNITS:
    uid, name, parent, cat, headkind, staff, iku = row
    unit_by_id[uid] = dict(id=uid, name=name, parent=parent, cat=cat, headkind=headkind,
                           staff=staff, iku=iku)
    unit_order.append(uid)
    children.setdefault(parent, []).append(uid)
    children.setdefault(uid, [])

used_nips = set()
used_names = set()


def make_name(gender):
    for _ in range(100):
        if gender == 1:
            n = rng.choice(MALE) + " " + rng.choice(LAST_M)
        else:
            n = rng.choice(FEMALE) + " " + rng.choice(LAST_F)
        if n not in used_names:
            used_names.add(n)
            return n
    raise RuntimeError("names exhausted")


def rand_date(year):
    start = datetime.date(year, 1, 1).toordinal()
    end = datetime.date(year, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def make_pns_nip(grade, gender, kind):
    lo, hi = SERVICE.get(grade, (3, 10))
    service = rng.randint(lo, hi)
    entry_age = rng.randint(19, 24) if grade.startswith("II/") else rng.randint(22, 29)
    tmt_year = 2024 - service
    birth_year = tmt_year - entry_age
    if birth_year < 1967:  # still in service in 2026 (retirement age 58-60)
        birth_year = 1967 + rng.randint(0, 3)
        tmt_year = max(tmt_year, birth_year + entry_age)
    tmt_year = min(tmt_year, 2023)
    birth = rand_date(birth_year)
    tmt_month = weighted_choice([(1, 3), (2, 1), (3, 3), (4, 1), (5, 1), (6, 1), (7, 1), (8, 1),
                                 (9, 1), (10, 1), (11, 1), (12, 3)])
    assert (tmt_year, tmt_month) >= (birth.year + 18, birth.month)
    while True:
        nip = "%s%04d%02d%d%03d" % (birth.strftime("%Y%m%d"), tmt_year, tmt_month, gender,
                                     rng.randint(1, 999))
        if nip not in used_nips:
            used_nips.add(nip)
            return nip


def make_pppk_nip(gender):
    birth = rand_date(rng.randint(1982, 2000))
    tmt_year = rng.choice([2021, 2022, 2022, 2023, 2023])
    appointment = 1 if rng.random() < 0.85 else 2
    while True:
        nip = "%s%04d2%d%d%03d" % (birth.strftime("%Y%m%d"), tmt_year, appointment, gender,
                                    rng.randint(1, 999))
        if nip not in used_nips:
            used_nips.add(nip)
            return nip


employees = []          # dicts, in file order
emp_by_nip = {}
head_of = {}            # unit -> nip
members = {}            # unit -> [nip]


def add_employee(uid, role, is_head):
    gender = 1 if rng.random() < 0.52 else 2
    pppk = (not is_head) and role in PPPK_SHARE and rng.random() < PPPK_SHARE[role]
    if pppk:
        nip = make_pppk_nip(gender)
        grade = weighted_choice(PPPK_GRADE[role])
    else:
        grade = weighted_choice(GRADE_DIST[role])
        nip = make_pns_nip(grade, gender, role)
    position = POSITION[role]
    if pppk and role == "pel":
        position = "pelaksana"
    e = dict(nip=nip, name=make_name(gender), unit=uid, role=role, head=is_head,
             status="pppk" if pppk else "pns", grade=grade, position=position, rater="")
    employees.append(e)
    emp_by_nip[nip] = e
    members.setdefault(uid, []).append(nip)
    if is_head:
        head_of[uid] = nip
    return e


for uid in unit_order:
    u = unit_by_id[uid]
    add_employee(uid, u["headkind"], True)
    roles = []
    for role, n in u["staff"]:
        roles += [role] * n
    for role in roles:
        add_employee(uid, role, False)

# Raters: the head of the own unit; for a unit head, the head of the parent unit.
for e in employees:
    u = unit_by_id[e["unit"]]
    if e["head"]:
        e["rater"] = head_of[u["parent"]] if u["parent"] else ""
    else:
        e["rater"] = head_of[e["unit"]]
ratees = {}
for e in employees:
    if e["rater"]:
        ratees.setdefault(e["rater"], []).append(e["nip"])

# A few rows without status (it is derived from the NIP).
for e in rng.sample(employees, 6):
    e["status_out"] = ""
for e in employees:
    e.setdefault("status_out", e["status"])

# Latent traits. theta: true performance; theta_b: behaviour; slope: individual trend.
unit_eff = {uid: rng.gauss(0, 1) for uid in unit_order}
for e in employees:
    e["theta"] = rng.gauss(0, 1)
    e["theta_b"] = 0.6 * e["theta"] + 0.8 * rng.gauss(0, 1)
    r = rng.random()
    e["slope"] = 0.07 if r < 0.10 else (-0.07 if r < 0.20 else rng.gauss(0, 0.01))
    e["trend_kind"] = "improving" if r < 0.10 else ("declining" if r < 0.20 else "stable")


def unit_of(nip):
    return emp_by_nip[nip]["unit"]


# ---------------------------------------------------------------------------------------------
# Indicator structure (identical each year; targets change by year)
# ---------------------------------------------------------------------------------------------
class Slot:
    __slots__ = ("otype", "owner", "k", "rhk", "kind", "t", "parent", "mode", "div", "scale",
                 "eff", "weight")

    def __init__(self, otype, owner, k, t):
        self.otype, self.owner, self.k, self.t = otype, owner, k, t
        self.rhk, self.kind, self.parent = None, "utama", None
        self.mode, self.div, self.scale = "own", 1, 1.0
        self.eff = rng.gauss(0, 0.035)
        self.weight = None


slots_of = {}   # (otype, owner) -> [Slot]
WEIGHT_PATTERNS = {1: [100], 2: [60, 40], 3: [50, 30, 20], 4: [40, 30, 20, 10],
                   5: [30, 25, 20, 15, 10], 6: [25, 20, 20, 15, 10, 10]}


def assign_weights(slots):
    if rng.random() < 0.5:
        pat = list(WEIGHT_PATTERNS[len(slots)])
        if rng.random() < 0.2:
            pat = [rng.choice([10, 15, 20, 25, 30]) for _ in slots]
        if rng.random() < 0.05 and len(slots) >= 3:
            pat[-1] = 0
        for s, w in zip(slots, pat):
            s.weight = w


# Unit IKU, parents first (UNITS is in tree order).
for uid in unit_order:
    u = unit_by_id[uid]
    lst = []
    for i, key in enumerate(u["iku"]):
        s = Slot("unit", uid, i + 1, TEMPLATES[key])
        s.scale = UNIT_SCALE.get((uid, key), 1.0)
        if u["parent"]:
            par = slots_of[("unit", u["parent"])]
            same = [p for p in par if p.t["key"] == key]
            for alt in RELATED.get(key, []):
                same += [p for p in par if p.t["key"] == alt]
            s.parent = same[0] if same else par[i % len(par)]
        lst.append(s)
    assign_weights(lst)
    slots_of[("unit", uid)] = lst


def pick_new(pool, used):
    cand = [k for k in pool if k not in used]
    if not cand:
        return None
    return rng.choice(cand)


def build_employee(e):
    nip = e["nip"]
    uid = e["unit"]
    u = unit_by_id[uid]
    used = set()
    lst = []
    if e["head"]:
        sources = slots_of[("unit", uid)]
        n_iki = clamp(len(sources) + rng.choice([0, 1, 1]), 3, 6)
    else:
        rater_slots = [s for s in slots_of[("emp", e["rater"])] if s.kind == "utama"]
        sources = rater_slots
        n_iki = weighted_choice([(3, 0.35), (4, 0.35), (5, 0.2), (6, 0.1)])
    n_rhk = clamp(weighted_choice([(2, 0.45), (3, 0.4), (4, 0.15)]), 2, n_iki)
    tambahan = n_rhk >= 3 and rng.random() < 0.22
    # distribute IKI over RHK (each RHK >= 1)
    sizes = [1] * n_rhk
    for _ in range(n_iki - n_rhk):
        sizes[rng.randrange(n_rhk if not tambahan else n_rhk - 1)] += 1
    pool = STAFF_POOLS[u["cat"]] + (STAFF_POOLS["admin"] if e["role"] in ("pel", "adm", "pgw", "jpt", "sekda") else [])
    if e["role"] in ("fung", "fungt") and u["cat"] == "sek":
        pool = STAFF_POOLS["admin"]
    k = 0
    # parent groups: for heads, the unit IKU in order; for staff, the rater's RHK groups
    if e["head"]:
        groups = [[s] for s in sources]
    else:
        rhks = []
        for s in sources:
            if not rhks or rhks[-1][0].rhk != s.rhk:
                rhks.append([s])
            else:
                rhks[-1].append(s)
        groups = rhks
    gi = rng.randrange(len(groups))
    src_i = 0
    for j in range(n_rhk):
        is_tambahan = tambahan and j == n_rhk - 1
        group = groups[(gi + j) % len(groups)] if not e["head"] else None
        for i in range(sizes[j]):
            k += 1
            if is_tambahan:
                key = pick_new(TAMBAHAN_POOL, used)
                s = Slot("emp", nip, k, TEMPLATES[key])
                s.kind = "tambahan"
            elif e["head"]:
                parent = sources[src_i % len(sources)]
                src_i += 1
                if parent.t["key"] not in used:
                    s = Slot("emp", nip, k, parent.t)
                    s.mode = "copy"
                else:
                    key = pick_new(pool, used)
                    s = Slot("emp", nip, k, TEMPLATES[key])
                s.parent = parent
            else:
                parent = group[i % len(group)]
                if rng.random() < 0.35 and parent.t["key"] not in used and parent.t["key"][:2] not in ("t_",):
                    s = Slot("emp", nip, k, parent.t)
                    if parent.t["acc"] == "sum":
                        s.mode, s.div = "split", max(1, len(ratees[e["rater"]]))
                    else:
                        s.mode = "copy"
                else:
                    key = pick_new(pool, used)
                    if key is None:
                        key = pick_new(STAFF_POOLS["admin"], used)
                    s = Slot("emp", nip, k, TEMPLATES[key])
                s.parent = parent
            used.add(s.t["key"])
            s.rhk = j + 1
            lst.append(s)
    if tambahan:
        for s in lst:
            if s.rhk == n_rhk:
                s.kind = "tambahan"
    assign_weights(lst)
    slots_of[("emp", nip)] = lst


# Employees in rater order (breadth first from the Sekda).
order = []
queue = [e["nip"] for e in employees if not e["rater"]]
while queue:
    nip = queue.pop(0)
    order.append(nip)
    queue += ratees.get(nip, [])
assert len(order) == len(employees)
for nip in order:
    build_employee(emp_by_nip[nip])


def ind_id(s, y):
    if s.otype == "unit":
        return "IKU-%s-%d-%d" % (s.owner, y, s.k)
    return "IKI-%s-%d-%d" % (s.owner, y, s.k)


def round_target(t, v):
    if t["count"]:
        return max(1, int(round(v)))
    return round(v, 2)


def target_of(s, y):
    t = s.t
    dy = y - 2024
    if s.mode == "copy":
        return target_of(s.parent, y)
    if s.mode == "split":
        return round_target(t, target_of(s.parent, y) / s.div)
    v = t["target"] * s.scale
    if t["count"] or t["grow"]:
        v *= (1 + t["grow"]) ** dy
    v += t["step"] * dy
    if t["vmax"] is not None:
        v = min(v, t["vmax"])
    return round_target(t, v)


def upper_of(s, y):
    t = s.t
    if t["pol"] != "range":
        return None
    return t["upper"]


# ---------------------------------------------------------------------------------------------
# Planted realisation effects (indicator-year overrides), chosen by unit and template.
# ---------------------------------------------------------------------------------------------
def unit_slot(uid, key):
    for s in slots_of[("unit", uid)]:
        if s.t["key"] == key:
            return s
    raise KeyError((uid, key))


def emp_slot(nip, pred):
    for s in slots_of[("emp", nip)]:
        if pred(s):
            return s
    return None


OVERRIDE = {}   # (slot id, year) -> ("p", value) | ("r", value)
PLANTED = {"at_risk_2026": [], "far_ahead_2026": [], "min_over_2x": [], "over_120": [],
           "no_realisation": [], "change_point": []}


def plant(s, y, kind, value, label):
    OVERRIDE[(id(s), y)] = (kind, value)
    PLANTED[label].append(ind_id(s, y))


for uid, key, v in [("DPUPR-BM-JLN", "jalan_rehab", 0.55), ("DINKES-P2P", "imunisasi", 0.68),
                    ("BAPPEDA-REN", "dok_perencanaan", 0.5), ("PKM-WNJ", "kunjungan", 0.6),
                    ("DISDIK-SD-KUR", "guru_pelatihan", 0.58)]:
    plant(unit_slot(uid, key), 2026, "p", v, "at_risk_2026")
for uid, key, v in [("DUKCAPIL-CAPIL", "akta", 1.5), ("DPMPTSP", "investasi", 1.55),
                    ("KEC-SKM-YAN", "paten_jumlah", 1.45)]:
    plant(unit_slot(uid, key), 2026, "p", v, "far_ahead_2026")
for uid, key, y, r in [("DINKES", "dbd", 2024, 2.3), ("DINKES-P2P", "dbd", 2024, 2.3),
                       ("DINKES", "aki", 2025, 2.2), ("KEC-WNJ", "aduan_kec", 2025, 2.4)]:
    plant(unit_slot(uid, key), y, "r", r, "min_over_2x")
for uid, key, y, v in [("DPMPTSP-YAN", "izin_oss", 2025, 1.35), ("BKPSDM-BANG", "bangkom", 2024, 1.3),
                       ("BKPSDM", "bangkom", 2024, 1.28), ("DUKCAPIL-PIAK", "data_update", 2025, 1.32)]:
    plant(unit_slot(uid, key), y, "p", v, "over_120")

# Employee-level plants: a few staff IKI clearly at risk or far ahead in 2026.
_sum_staff = [e for e in employees if not e["head"]]
_picked = 0
for e in rng.sample(_sum_staff, len(_sum_staff)):
    s = emp_slot(e["nip"], lambda s: s.t["acc"] == "sum" and s.kind == "utama" and s.t["pol"] == "max"
                 and target_of(s, 2026) >= 24)
    if s is None or e["unit"] in UNIT_CHANGE:
        continue
    plant(s, 2026, "p", 0.55 if _picked < 3 else 1.5, "at_risk_2026" if _picked < 3 else "far_ahead_2026")
    _picked += 1
    if _picked == 5:
        break

# Two staff 'lower is better' indicators realised at more than twice the target in 2025.
_picked = 0
for e in rng.sample(_sum_staff, len(_sum_staff)):
    s = emp_slot(e["nip"], lambda s: s.t["pol"] == "min" and s.t["acc"] == "mean" and s.kind == "utama")
    if s is None or e["unit"] in UNIT_CHANGE or (id(s), 2025) in OVERRIDE:
        continue
    plant(s, 2025, "r", 2.25 + 0.1 * _picked, "min_over_2x")
    _picked += 1
    if _picked == 2:
        break

# A few indicator-years without any realisation.
NO_REAL = set()
_all_emp_slots = [s for e in employees for s in slots_of[("emp", e["nip"])]]
while len(NO_REAL) < 7:
    s = rng.choice(_all_emp_slots)
    y = rng.choice(YEARS)
    if (id(s), y) in OVERRIDE or (id(s), y) in NO_REAL:
        continue
    NO_REAL.add((id(s), y))
    PLANTED["no_realisation"].append(ind_id(s, y))
NO_REAL.add((id(unit_slot("BAPPEDA-LITBANG", "kajian")), 2024))
PLANTED["no_realisation"].append(ind_id(unit_slot("BAPPEDA-LITBANG", "kajian"), 2024))
for s in slots_of[("unit", "PKM-WNJ")]:
    PLANTED["change_point"].append(ind_id(s, 2025))
for s in slots_of[("unit", "DUKCAPIL-DAFDUK")]:
    PLANTED["change_point"].append(ind_id(s, 2025))


# ---------------------------------------------------------------------------------------------
# Realisations
# ---------------------------------------------------------------------------------------------
def perf(s, y, m):
    """Achievement ratio (1.0 = on target) of slot s in month m of year y, before noise."""
    t = (y - 2024) + (m - 0.5) / 12.0
    if s.otype == "unit":
        uid = s.owner
        base = 1.0 + 0.045 * unit_eff[uid] + 0.02 * emp_by_nip[head_of[uid]]["theta"]
        slope = UNIT_SLOPE.get(uid, 0.0)
        cp_w = 1.0
    else:
        e = emp_by_nip[s.owner]
        uid = e["unit"]
        base = 1.0 + 0.03 * unit_eff[uid] + 0.07 * e["theta"]
        slope = e["slope"] + 0.5 * UNIT_SLOPE.get(uid, 0.0)
        cp_w = 0.8
    p = base + s.eff + slope * t
    if uid in UNIT_CHANGE:
        cy, cm, step = UNIT_CHANGE[uid]
        if (y, m) >= (cy, cm):
            p += cp_w * step
    ov = OVERRIDE.get((id(s), y))
    if ov is not None:
        p = ov[1] if ov[0] == "p" else 1.0 / ov[1]
    return max(p, 0.25)


def month_values(s, y):
    """Monthly realised values of slot s in year y (list of (month, value)); None entries = missing."""
    t = s.t
    T = float(target_of(s, y))
    U = upper_of(s, y)
    pol, acc = t["pol"], t["acc"]
    season = SEASONS.get(t["season"]) if t["season"] else None
    vmax = t["vmax"]
    out = []
    cum_prog = 0.0
    emitted = 0
    sign = 1 if rng.random() < 0.5 else -1
    ov = OVERRIDE.get((id(s), y))
    for m in range(1, LAST_MONTH[y] + 1):
        p = perf(s, y, m)
        sm = season[m - 1] if season else 1.0
        if pol == "min":
            r = 1.0 / p if not (ov and ov[0] == "r") else ov[1]
        if pol == "range":
            c, h = (T + U) / 2.0, (U - T) / 2.0
            dev = (0.45 + 5.0 * max(0.0, 1.0 - p)) * sign + rng.gauss(0, 0.3)
            v = c + h * dev
            if t["season"] == "attendance":
                v *= sm
            v = max(v, 0.1)
        elif acc == "sum":
            lam = T / 12.0 * sm * (p if pol == "max" else r)
            lam *= 1.0 + rng.gauss(0, 0.07)
            if t["count"] and pol == "min":
                v = poisson(max(lam, 0.0))          # adverse events (cases): Poisson counts
            elif t["count"]:
                cum_prog += max(lam, 0.0)           # outputs: integers that keep the running total
                v = max(0, int(round(cum_prog)) - emitted)
                emitted += v
            else:
                v = max(0.0, lam)
        elif acc == "last" and t["cum"]:
            prof = CUMS[t["cum"]][m - 1]
            target_share = prof * (p if pol == "max" else 1.0)
            cum_prog = max(cum_prog, target_share * (1.0 + rng.gauss(0, 0.02)))
            v = T * cum_prog
        elif acc == "last":
            level = p if pol == "max" else r
            v = T * (level + rng.gauss(0, 0.008))
        elif acc == "mean":
            level = p if pol == "max" else r
            v = T * (level + rng.gauss(0, 0.015 if t["uom"] == "persen" else 0.035)) * sm
        elif acc == "max":
            v = T * p * (0.9 + 0.1 * rng.random()) + rng.gauss(0, 0.005 * T)
        elif acc == "min":
            v = T * p * (1.0 + 0.08 * rng.random())
        else:
            raise ValueError(acc)
        if vmax is not None and v > vmax:
            v = vmax
        if isinstance(v, float):
            v = max(0.0, round(v, t["dec"]))
        out.append((m, v))
    return out


realizations = []     # (indicator_id, period, value_str)
real_by_ind = {}      # indicator_id -> [(month, value)] (kept values only)
for y in YEARS:
    all_slots = [s for uid in unit_order for s in slots_of[("unit", uid)]] + \
                [s for e in employees for s in slots_of[("emp", e["nip"])]]
    for s in all_slots:
        iid = ind_id(s, y)
        if s.mode == "copy" and s.parent.otype == "unit":
            # a head carries the unit's IKU as an IKI: same realisation as the unit
            keep = list(real_by_ind.get(ind_id(s.parent, y), []))
        else:
            vals = month_values(s, y)
            keep = [(m, v) for m, v in vals
                    if not (rng.random() < 0.03 and (id(s), y) not in OVERRIDE)]
        if (id(s), y) in NO_REAL:
            keep = []
        real_by_ind[iid] = keep
        for m, v in keep:
            realizations.append((iid, "%d-%02d" % (y, m),
                                 fmt(v, s.t["dec"]) if isinstance(v, float) else str(v)))


# ---------------------------------------------------------------------------------------------
# Achievement (capaian) used to make ratings consistent with realisations
# ---------------------------------------------------------------------------------------------
def year_value(acc, vals):
    if not vals:
        return None
    if acc == "sum":
        return sum(vals)
    if acc == "last":
        return vals[-1]
    if acc == "mean":
        return sum(vals) / len(vals)
    if acc == "max":
        return max(vals)
    return min(vals)


def capaian(pol, T, U, R):
    if pol == "max":
        return R / T * 100.0
    if pol == "min":
        return max(0.0, (2.0 - R / T) * 100.0)
    if T <= R <= U:
        return 100.0
    if R < T:
        return R / T * 100.0
    return max(0.0, (2.0 - R / U) * 100.0)


def achievement(nip, y, upto=12):
    """Mean capped (120) capaian of the employee's utama indicators, months 1..upto (pro-rata)."""
    res = []
    for s in slots_of[("emp", nip)]:
        if s.kind != "utama":
            continue
        vals = [v for m, v in real_by_ind.get(ind_id(s, y), []) if m <= upto]
        R = year_value(s.t["acc"], vals)
        if R is None:
            continue
        T = float(target_of(s, y))
        if s.t["acc"] == "sum":
            T = T * upto / 12.0
        elif s.t["acc"] == "last" and s.t["cum"]:
            T = T * CUMS[s.t["cum"]][upto - 1]
        res.append(min(120.0, capaian(s.t["pol"], T, upper_of(s, y), R)))
    return sum(res) / len(res) if res else 100.0


ach = {}
for e in employees:
    for y in (2024, 2025):
        ach[(e["nip"], y)] = achievement(e["nip"], y)
    for q, upto in (("Q1", 3), ("Q2", 6), ("Q3", 9)):
        ach[(e["nip"], "2026-" + q)] = achievement(e["nip"], 2026, upto)

# ---------------------------------------------------------------------------------------------
# Org predikat and ratings
# ---------------------------------------------------------------------------------------------
LENIENT_RATER = head_of["DPUPR-BM-JLN"]
SEVERE_RATER = head_of["BKPSDM-MUT"]
CLASS_TO_RATING = {"SB": ("above", "above"), "B": ("meets", "meets"), "BP": ("below", "meets"),
                   "KM": ("meets", "below"), "SK": ("below", "below")}


def org_predikat(uid, y):
    return ORG_PREDIKAT.get((uid, y), "baik")


def ceil_pct(p, n):
    return -((-p * n) // 100)


def plan_counts(org, n):
    """Counts (SB, B, BP, KM, SK) meeting SE MenPANRB 3/2023 under exact rounding."""
    if org == "istimewa":
        sb = min((70 * n) // 100, n // 2 + 1)
        return dict(SB=sb, B=n - sb, BP=0, KM=0, SK=0)
    if org == "baik":
        low = 1 if n < 14 else 2
        b = min((70 * n) // 100, n - low)
        return dict(SB=n - b - low, B=b, BP=low, KM=0, SK=0)
    if org == "butuh_perbaikan":
        bp = ceil_pct(60, n)
        return dict(SB=0, B=n - bp, BP=bp, KM=0, SK=0)
    if org == "kurang":
        km, bp = ceil_pct(60, n), ceil_pct(10, n)
        return dict(SB=0, B=n - km - bp, BP=bp, KM=km, SK=0)
    raise ValueError(org)


def natural_rating(nip, period_key):
    e = emp_by_nip[nip]
    a = ach[(nip, period_key)] + rng.gauss(0, 3)
    res = "above" if a >= 112 and rng.random() < 0.6 else ("below" if a < 72 else "meets")
    beh = "above" if e["theta_b"] > 1.5 else ("below" if e["theta_b"] < -2.0 else "meets")
    return res, beh


ratings = {}   # (nip, period) -> (result, behavior)
for y in (2024, 2025):
    P = str(y)
    for uid in unit_order:
        mem = members[uid]
        n = len(mem)
        mode = RATING_MODE.get((uid, y), "comply" if n >= 4 else "natural")
        org = org_predikat(uid, y)
        score = {nip: ach[(nip, y)] + 4 * emp_by_nip[nip]["theta"] + rng.gauss(0, 2) for nip in mem}
        ranked = sorted(mem, key=lambda x: (-score[x], x))
        if mode in ("comply", "too_many_sb", "natural_bp", "no_low"):
            c = plan_counts(org, n)
            if mode == "too_many_sb":      # istimewa unit with SB above the 70% cap
                sb = n - 1
                c = dict(SB=sb, B=1, BP=0, KM=0, SK=0)
            elif mode == "natural_bp":     # weak unit, but far fewer low ratings than required
                c = dict(SB=1, B=n - 3, BP=2, KM=0, SK=0)
            elif mode == "no_low":         # baik unit: Baik <= 70% but nobody BP or K/M
                b = (70 * n) // 100
                c = dict(SB=n - b, B=b, BP=0, KM=0, SK=0)
            classes = ["SB"] * c["SB"] + ["B"] * c["B"] + ["BP"] * c["BP"] + ["KM"] * c["KM"] + ["SK"] * c["SK"]
            assign = dict(zip(ranked, classes))
            # one of the low slots may be behaviour (K/M) instead of results, for variety
            lows = [x for x in ranked if assign[x] == "BP"]
            if lows and org == "baik" and rng.random() < 0.25:
                worst_b = min(lows, key=lambda x: (emp_by_nip[x]["theta_b"], x))
                assign[worst_b] = "KM"
            for nip in mem:
                r = CLASS_TO_RATING[assign[nip]]
                if assign[nip] == "B" and score[nip] > 108 and rng.random() < 0.3:
                    r = ("above", "meets")
                elif assign[nip] == "B" and emp_by_nip[nip]["theta_b"] > 1.2 and rng.random() < 0.3:
                    r = ("meets", "above")
                ratings[(nip, P)] = r
        elif mode == "all_baik":
            for nip in mem:
                ratings[(nip, P)] = ("meets", "meets") if nip != ranked[0] else ("above", "meets")
        elif mode == "natural":
            for nip in mem:
                ratings[(nip, P)] = natural_rating(nip, y)
                if ratings[(nip, P)][0] == "below" or ratings[(nip, P)][1] == "below":
                    ratings[(nip, P)] = ("meets", "meets")
        elif mode == "lenient":
            team = [x for x in ranked if emp_by_nip[x]["rater"] == LENIENT_RATER]
            for nip in mem:
                ratings[(nip, P)] = ("above", "above") if nip in team[:-1] else ("meets", "meets")
        elif mode == "severe":
            team = [x for x in ranked if emp_by_nip[x]["rater"] == SEVERE_RATER]
            k_low = (len(team) + 1) // 2
            for nip in mem:
                if nip in team[len(team) - k_low:]:
                    ratings[(nip, P)] = ("below", "meets")
                else:
                    ratings[(nip, P)] = ("meets", "meets")
# quarterly 2026: periodic evaluations, no org predikat
for q in ("2026-Q1", "2026-Q2", "2026-Q3"):
    for e in employees:
        nip = e["nip"]
        if e["rater"] == LENIENT_RATER:
            r = ("above", "above") if rng.random() < 0.9 else ("meets", "meets")
        elif e["rater"] == SEVERE_RATER:
            r = ("below", "meets") if rng.random() < 0.45 else ("meets", "meets")
        else:
            r = natural_rating(nip, q)
        ratings[(nip, q)] = r

# innovation: a handful of employees with a new idea or method
innovation = set()
for P in RATING_PERIODS:
    cands = sorted(nip for (nip, per), r in ratings.items() if per == P and r[0] == "above")
    k = 3 if P in ("2024", "2025") else 1
    for nip in rng.sample(cands, min(k, len(cands))):
        innovation.add((nip, P))
# one innovator rated only 'meets' on results (exercises the PP 30/2019 Sangat Baik rule)
_meets = sorted(nip for (nip, per), r in ratings.items() if per == "2025" and r == ("meets", "meets"))
innovation.add((rng.choice(_meets), "2025"))

# ---------------------------------------------------------------------------------------------
# 360-degree feedback
# ---------------------------------------------------------------------------------------------
FB_LENIENT = {LENIENT_RATER: 12.5, head_of["DISDIK-GTK"]: 14.0, head_of["KEC-SKM"]: 13.0}
FB_SEVERE = {SEVERE_RATER: -13.0, head_of["PKM-SKM"]: -12.0}
FB_STRAIGHT = head_of["DUKCAPIL-CAPIL"]
FB_CENTRAL = head_of["DPMPTSP-YAN"]
_daf_staff = [x for x in members["DUKCAPIL-DAFDUK"] if not emp_by_nip[x]["head"]]
FB_PAIR = (_daf_staff[2], _daf_staff[5])
ASPECT_EFF = {"berorientasi_pelayanan": 1.0, "akuntabel": 2.0, "kompeten": -0.5, "harmonis": 2.5,
              "loyal": 3.5, "adaptif": -2.5, "kolaboratif": 0.5}
rater_bias = {e["nip"]: rng.gauss(0, 1.6) for e in employees}
ratee_aspect = {(e["nip"], a): rng.gauss(0, 1.8) for e in employees for a in ASPECTS}


def peers_for(e):
    nip = e["nip"]
    if not e["rater"]:
        return []
    co = [x for x in ratees[e["rater"]] if x != nip]
    if e["head"]:
        cand = [x for x in co if emp_by_nip[x]["head"]] or co
        if len(cand) < 2:
            cand = co
    else:
        cand = [x for x in co if emp_by_nip[x]["unit"] == e["unit"]]
        if len(cand) < 2:
            cand = co
        if len(cand) < 2:
            par = unit_by_id[e["unit"]]["parent"]
            extra = [x for x in members.get(par, []) if not emp_by_nip[x]["head"]]
            cand = cand + [x for x in extra if x not in cand and x != e["rater"]]
    k = min(len(cand), rng.randint(2, 4))
    chosen = rng.sample(cand, k) if k else []
    for a, b in (FB_PAIR, FB_PAIR[::-1]):
        if nip == a and b not in chosen:
            chosen = ([b] + chosen)[:max(2, k)]
    return chosen


feedback = []   # (period, rater, ratee, source, score, aspect)
for P in FEEDBACK_PERIODS:
    for e in employees:
        nip = e["nip"]
        true_base = 74.0 + 6.5 * (e["theta"] + (e["slope"] / 0.07) * 0.35 * (P - 2024))
        givers = []
        if e["rater"]:
            givers.append((e["rater"], "supervisor"))
        givers.append((nip, "self"))
        for p in peers_for(e):
            givers.append((p, "peer"))
        if e["head"] and ratees.get(nip):
            subs = ratees[nip]
            k = min(len(subs), rng.randint(2, 4))
            for sub in rng.sample(subs, k):
                givers.append((sub, "subordinate"))
        seen = set()
        for rater, src in givers:
            if rater in seen:
                continue
            seen.add(rater)
            aspects = list(ASPECTS) if rng.random() < 0.8 else sorted(rng.sample(ASPECTS, rng.randint(3, 6)), key=ASPECTS.index)
            for a in aspects:
                true = true_base + ASPECT_EFF[a] + ratee_aspect[(nip, a)]
                if rater == FB_STRAIGHT:
                    sc = 76.0
                elif rater == FB_CENTRAL:
                    sc = 75.5 + 0.12 * (true - 74.0) + rng.gauss(0, 0.5)
                else:
                    sc = true + rater_bias[rater] + rng.gauss(0, 4.0)
                    sc += FB_LENIENT.get(rater, 0.0) + FB_SEVERE.get(rater, 0.0)
                    if src == "self":
                        sc += 4.0
                    elif src == "subordinate":
                        sc += 1.5
                    if (rater, nip) in (FB_PAIR, FB_PAIR[::-1]):
                        sc += 18.0
                sc = clamp(sc, 0.0, 100.0)
                sc = round(sc, 1) if rng.random() < 0.7 else float(round(sc))
                feedback.append((str(P), rater, nip, src, fmt(sc, 1), a))

# ---------------------------------------------------------------------------------------------
# IKM surveys
# ---------------------------------------------------------------------------------------------
SURVEY_WINDOWS = {
    ("PKM-SKM", 2024): (85.0, 86.5), ("PKM-SKM", 2025): (88.33, 88.47),
    ("PKM-CRG", 2024): (80.0, 82.0), ("PKM-CRG", 2025): (81.0, 83.0),
    ("PKM-WNJ", 2024): (78.5, 80.5), ("PKM-WNJ", 2025): (70.0, 73.0),
    ("DUKCAPIL-DAFDUK", 2024): (79.0, 81.0), ("DUKCAPIL-DAFDUK", 2025): (89.5, 91.5),
    ("DPMPTSP-YAN", 2024): (86.0, 87.5), ("DPMPTSP-YAN", 2025): (90.0, 92.0),
    ("KEC-SKM", 2024): (82.0, 84.0), ("KEC-SKM", 2025): (84.0, 86.0),
    ("KEC-CRG", 2024): (77.5, 79.0), ("KEC-CRG", 2025): (78.0, 80.0),
}
UNSUR_EFF = [0.05, -0.05, -0.25, 0.35, 0.0, 0.05, 0.15, -0.15, -0.15]


def ikm(rows):
    total = 0.0
    for u in range(9):
        vals = [r[u] for r in rows if r[u] is not None]
        total += sum(vals) / len(vals)
    return total / 9.0 * 25.0


surveys = []
for uid in [u for u in unit_order if any(k[0] == u for k in SURVEY_WINDOWS)]:
    for y in (2024, 2025):
        lo, hi = SURVEY_WINDOWS[(uid, y)]
        mid = (lo + hi) / 2.0
        n = rng.randint(60, 200)
        level = mid / 25.0
        rows = []
        for _ in range(n):
            resp = rng.gauss(0, 0.35)
            row = []
            for u in range(9):
                a = int(round(level + UNSUR_EFF[u] + resp + rng.gauss(0, 0.45)))
                row.append(clamp(a, 1, 4))
            rows.append(row)
        for r in rows:
            for u in range(9):
                if rng.random() < 0.02:
                    r[u] = None
        # nudge single answers until the IKM lands inside the window
        for _ in range(20000):
            v = ikm(rows)
            if lo <= v <= hi:
                break
            ri, u = rng.randrange(n), rng.randrange(9)
            a = rows[ri][u]
            if a is None:
                continue
            if v < lo and a < 4:
                rows[ri][u] = a + 1
            elif v > hi and a > 1:
                rows[ri][u] = a - 1
        else:
            raise RuntimeError("IKM window not reached for %s %d" % (uid, y))
        for i, r in enumerate(rows):
            surveys.append([uid, str(y), "R%03d" % (i + 1)] + ["" if a is None else str(a) for a in r])


# ---------------------------------------------------------------------------------------------
# Write the files
# ---------------------------------------------------------------------------------------------
def write(name, header, rows):
    path = os.path.join(HERE, name)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            for cell in r:
                if any(ch in cell for ch in ',"\n\r;'):
                    raise ValueError("field needs quoting in %s: %r" % (name, cell))
            w.writerow(r)
    os.replace(tmp, path)
    return len(rows)


counts = {}
counts["units.csv"] = write("units.csv", ["unit_id", "name", "parent_id", "agency_id"],
                            [[u, unit_by_id[u]["name"], unit_by_id[u]["parent"], AGENCY] for u in unit_order])
counts["employees.csv"] = write(
    "employees.csv", ["nip", "name", "unit_id", "rater_nip", "status", "grade", "position"],
    [[e["nip"], e["name"], e["unit"], e["rater"], e["status_out"], e["grade"], e["position"]] for e in employees])

ind_rows = []
for y in YEARS:
    for uid in unit_order:
        for s in slots_of[("unit", uid)]:
            ind_rows.append((s, y))
    for e in employees:
        for s in slots_of[("emp", e["nip"])]:
            ind_rows.append((s, y))


def ind_row(s, y):
    t = s.t
    tgt = target_of(s, y)
    up = upper_of(s, y)
    rhk = "RHK-%s-%d-%d" % (s.owner, y, s.rhk) if s.otype == "emp" else ""
    tim = "1" if (t["tim"] and s.mode in ("own", "copy") and (s.otype == "unit" or emp_by_nip[s.owner]["head"])) else "0"
    return [ind_id(s, y), s.otype if s.otype == "unit" else "employee", s.owner, str(y), t["name"], rhk,
            s.kind, t["aspect"], t["uom"], t["pol"], fmt(float(tgt)) if not isinstance(tgt, int) else str(tgt),
            fmt(float(up)) if up is not None else "", "" if s.weight is None else str(s.weight), t["acc"],
            ind_id(s.parent, y) if s.parent is not None else "", tim]


counts["indicators.csv"] = write(
    "indicators.csv",
    ["indicator_id", "owner_type", "owner_id", "year", "name", "rhk_id", "kind", "aspect",
     "unit_of_measure", "polarity", "target", "target_upper", "weight", "accumulation", "parent_id",
     "target_is_max"],
    [ind_row(s, y) for s, y in ind_rows])
counts["realizations.csv"] = write("realizations.csv", ["indicator_id", "period", "value"],
                                   [list(r) for r in realizations])
counts["ratings.csv"] = write(
    "ratings.csv", ["nip", "period", "result_rating", "behavior_rating", "rater_nip", "innovation"],
    [[e["nip"], P, ratings[(e["nip"], P)][0], ratings[(e["nip"], P)][1], e["rater"],
      "1" if (e["nip"], P) in innovation else "0"] for P in RATING_PERIODS for e in employees])
counts["feedback.csv"] = write("feedback.csv",
                               ["period", "rater_nip", "ratee_nip", "source", "score", "aspect"],
                               [list(r) for r in feedback])
counts["org_ratings.csv"] = write("org_ratings.csv", ["unit_id", "period", "predikat"],
                                  [[u, str(y), org_predikat(u, y)] for y in (2024, 2025)
                                   for u in unit_order if members.get(u)])
counts["surveys.csv"] = write("surveys.csv",
                              ["unit_id", "period", "respondent_id"] + ["u%d" % i for i in range(1, 10)],
                              surveys)

# A machine-readable list of what is planted, for tests and for the README.
planted_rows = []
for label in sorted(PLANTED):
    for iid in PLANTED[label]:
        planted_rows.append([label, "indicator", iid])
planted_rows.append(["lenient_rater_ratings", "employee", LENIENT_RATER])
planted_rows.append(["severe_rater_ratings", "employee", SEVERE_RATER])
for nip in sorted(FB_LENIENT):
    planted_rows.append(["lenient_rater_feedback", "employee", nip])
for nip in sorted(FB_SEVERE):
    planted_rows.append(["severe_rater_feedback", "employee", nip])
planted_rows.append(["straight_liner_feedback", "employee", FB_STRAIGHT])
planted_rows.append(["central_tendency_feedback", "employee", FB_CENTRAL])
planted_rows.append(["inflating_peer_pair_feedback", "employee", FB_PAIR[0]])
planted_rows.append(["inflating_peer_pair_feedback", "employee", FB_PAIR[1]])
for uid in sorted(UNIT_SLOPE):
    planted_rows.append(["unit_trend_" + ("improving" if UNIT_SLOPE[uid] > 0 else "declining"), "unit", uid])
for uid in sorted(UNIT_CHANGE):
    cy, cm, st = UNIT_CHANGE[uid]
    planted_rows.append(["unit_change_point_%d-%02d_%s" % (cy, cm, "drop" if st < 0 else "jump"), "unit", uid])
for e in employees:
    if e["trend_kind"] != "stable":
        planted_rows.append(["employee_trend_" + e["trend_kind"], "employee", e["nip"]])
for (uid, y), pred in sorted(ORG_PREDIKAT.items()):
    planted_rows.append(["org_predikat_%s_%d" % (pred, y), "unit", uid])
for (uid, y), (lo, hi) in sorted(SURVEY_WINDOWS.items()):
    planted_rows.append(["ikm_window_%d_%.2f-%.2f" % (y, lo, hi), "unit", uid])
for (uid, y), mode in sorted(RATING_MODE.items()):
    planted_rows.append(["rating_plan_%s_%d" % (mode, y), "unit", uid])

if __name__ == "__main__":
    import sys
    for name in sorted(counts):
        print("%-18s %7d rows" % (name, counts[name]))
    if "-v" in sys.argv[1:]:
        print()
        for what, kind, ident in planted_rows:
            print("%-40s %-9s %s" % (what, kind, ident))
