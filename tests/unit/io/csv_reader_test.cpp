#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "io/csv_reader.hpp"
#include "support/temp_dir.hpp"

using kinerja::Diagnostics;
using kinerja::detail::CsvReader;

namespace {

struct Parsed {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint32_t> lines;
  std::vector<std::string> problems;
  char delimiter = 0;
  bool header_ok = false;
};

Parsed parse(const std::string& content, std::size_t max_record = std::size_t{16} << 20) {
  kin_test::TempDir dir;
  const std::string path = dir.write("t.csv", content);
  Diagnostics diags;
  Parsed out;
  {
    CsvReader csv(path, "t.csv", diags, max_record);
    REQUIRE(csv.open());
    out.header_ok = csv.read_header();
    out.header = csv.header();
    out.delimiter = csv.delimiter();
    while (out.header_ok && csv.next()) {
      std::vector<std::string> row;
      for (std::size_t i = 0; i < csv.size(); ++i) row.emplace_back(csv[i]);
      out.rows.push_back(row);
      out.lines.push_back(csv.line());
    }
  }
  for (const auto& d : diags.items()) out.problems.push_back(d.to_string());
  return out;
}

using Row = std::vector<std::string>;

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("a plain comma-separated file") {
    const Parsed p = parse("nip,name\n199001152015032001,Siti\n198512312010011002,Budi\n");
    CHECK(p.header_ok);
    CHECK(p.delimiter == ',');
    CHECK(p.header == Row{"nip", "name"});
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[1] == Row{"198512312010011002", "Budi"});
    CHECK(p.lines == std::vector<std::uint32_t>{2, 3});
    CHECK(p.problems.empty());
  }

  TEST_CASE("BOM, CRLF, semicolon delimiter and no final line end") {
    const Parsed p = parse("\xEF\xBB\xBFindicator_id;period;value\r\nIKI-1;2025-07;87,5\r\nIKI-1;2025-08;90");
    CHECK(p.header == Row{"indicator_id", "period", "value"});
    CHECK(p.delimiter == ';');
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[0] == Row{"IKI-1", "2025-07", "87,5"});
    CHECK(p.rows[1] == Row{"IKI-1", "2025-08", "90"});
  }

  TEST_CASE("quoted fields: delimiters, doubled quotes and line breaks inside") {
    const Parsed p = parse(
        "unit_id,name\n"
        "U1,\"Dinas Pendidikan, Pemuda dan Olahraga\"\n"
        "U2,\"Bagian \"\"Umum\"\"\"\n"
        "U3,\"two\nlines\"\n"
        "U4,\"\"\n"
        "U5,last\n");
    REQUIRE(p.rows.size() == 5);
    CHECK(p.rows[0][1] == "Dinas Pendidikan, Pemuda dan Olahraga");
    CHECK(p.rows[1][1] == "Bagian \"Umum\"");
    CHECK(p.rows[2][1] == "two\nlines");
    CHECK(p.rows[3][1].empty());
    CHECK(p.lines == std::vector<std::uint32_t>{2, 3, 4, 6, 7});  // the line break shifts U4
    CHECK(p.problems.empty());
  }

  TEST_CASE("blank lines are skipped and line numbers stay true") {
    const Parsed p = parse("a,b\n\n1,2\n\r\n3,4\n\n");
    REQUIRE(p.rows.size() == 2);
    CHECK(p.lines == std::vector<std::uint32_t>{3, 5});
  }

  TEST_CASE("a quote inside an unquoted field is reported with its column, the row skipped") {
    const Parsed p = parse("a,b\n1,Jl. \"Merdeka\"\n3,4\n");
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0] == Row{"3", "4"});
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].rfind("t.csv:2:7: error: quote inside an unquoted field", 0) == 0);
  }

  TEST_CASE("text after a closing quote is reported") {
    const Parsed p = parse("a,b\n\"x\"y,2\n3,4\n");
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].rfind("t.csv:2:4: error: unexpected character after a closing quote", 0) == 0);
    CHECK(p.rows.size() == 1);
  }

  TEST_CASE("an unterminated quote is reported where it opens") {
    const Parsed p = parse("a,b\n1,2\n3,\"never closed\n4,5\n");
    CHECK(p.rows.size() == 1);
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].rfind("t.csv:3:3: error: quoted field is never closed", 0) == 0);
  }

  TEST_CASE("columns count characters, not bytes") {
    const Parsed p = parse("a,b\nCibéber,\"x\"y\n");
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].rfind("t.csv:2:12:", 0) == 0);
  }

  TEST_CASE("unusable files: empty, UTF-16, NUL bytes") {
    Parsed p = parse("");
    CHECK_FALSE(p.header_ok);
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0] == "t.csv:1:1: error: file is empty: expected a header line");
    p = parse(std::string("\xFF\xFEn\0i\0p\0", 8));
    CHECK_FALSE(p.header_ok);
    CHECK(p.problems.at(0).find("UTF-16") != std::string::npos);
    p = parse(std::string("nip\0,x\n", 7));
    CHECK_FALSE(p.header_ok);
    CHECK(p.problems.at(0).find("NUL") != std::string::npos);
  }

  TEST_CASE("CR-only line ends are named, not read as one giant line") {
    const Parsed p = parse("a,b\r1,2\r3,4\r");
    CHECK_FALSE(p.header_ok);
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].find("CR alone") != std::string::npos);
  }

  TEST_CASE("header problems: empty and duplicate names") {
    Parsed p = parse("nip,,name\n1,2,3\n");
    CHECK_FALSE(p.header_ok);
    CHECK(p.problems.at(0) == "t.csv:1:5: error: empty column name in the header");
    p = parse("nip,name,NIP\n1,2,3\n");
    CHECK_FALSE(p.header_ok);
    CHECK(p.problems.at(0).find("t.csv:1:10: error: column 'NIP' appears twice") == 0);
  }

  TEST_CASE("a record longer than the limit stops the file with a clear message") {
    const std::string big = "a,b\n1," + std::string(5000, 'x') + "\n2,3\n";
    const Parsed p = parse(big, 1000);
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].find("record longer than 1000 bytes") != std::string::npos);
    CHECK(p.problems[0].rfind("t.csv:2:1:", 0) == 0);
  }

  TEST_CASE("records straddling the read buffer parse exactly like a reference parser") {
    // About 3 MiB of mixed quoted and plain records, so that records cross the 1 MiB block
    // boundaries at every kind of position (inside quotes, on a doubled quote, on CR LF).
    std::mt19937 rng(20251122);
    std::string content = "id,text,value\r\n";
    std::vector<Row> expected;
    for (int i = 0; content.size() < (3u << 20); ++i) {
      std::string text;
      const int len = static_cast<int>(rng() % 40);
      for (int k = 0; k < len; ++k) {
        const char* alphabet = "abc ,\"\n;xyz";
        text += alphabet[rng() % 11];
      }
      std::string field = "\"";
      for (char c : text) field += (c == '"') ? std::string("\"\"") : std::string(1, c);
      field += "\"";
      const std::string id = "R" + std::to_string(i);
      content += id + "," + field + "," + std::to_string(i % 97) + "\r\n";
      expected.push_back({id, text, std::to_string(i % 97)});
    }
    const Parsed p = parse(content);
    CHECK(p.problems.empty());
    REQUIRE(p.rows.size() == expected.size());
    bool all_equal = true;
    for (std::size_t i = 0; i < expected.size(); ++i) all_equal = all_equal && p.rows[i] == expected[i];
    CHECK(all_equal);
  }
}
