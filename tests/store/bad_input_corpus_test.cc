// The bad-input corpus: what users' tools really export when something goes
// wrong (cut files, glued records, wrong types, broken UTF-8, byte order
// marks, CRLF, huge fields, deep nesting, empty and binary files, bombs and
// traversal names in archives, unbalanced CSV quotes). Each case imports a
// folder holding the bad file beside a good one and checks three things: the
// import finishes, the bad part is quarantined with a reason that names what
// is wrong, and every good record (in the good file and around the bad one)
// is kept.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "core/input.h"
#include "store/importer.h"
#include "store/workspace_summary.h"
#include "test_data.h"

namespace crowdlens {
namespace {

namespace fs = std::filesystem;

// One good Twitter API v1.1 status as a JSON line, author 9000 + id % 3.
std::string Status(int id, std::string_view text = "a good post") {
  return R"({"id_str":")" + std::to_string(id) + R"(","text":")" + std::string(text) +
         R"(","created_at":"Wed Aug 27 13:08:45 +0000 2014","user":{"id_str":")" + std::to_string(9000 + id % 3) +
         R"(","screen_name":"user)" + std::to_string(id % 3) + R"("}})";
}

// Lines of good statuses with ids in [first, last].
std::string Statuses(int first, int last, std::string_view end_of_line = "\n") {
  std::string text;
  for (int id = first; id <= last; ++id) text += Status(id) + std::string(end_of_line);
  return text;
}

struct Outcome {
  int64_t posts = 0;
  int64_t quarantined = 0;
  std::string reasons;  // every quarantine reason, one per line
  ImportSummary summary;
};

// Imports `dir` into a fresh workspace; the import itself must succeed.
Outcome ImportFolder(const std::string& dir) {
  Outcome outcome;
  Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(testing::MakeTempDir("ws"), OpenMode::kCreate);
  EXPECT_TRUE(workspace.ok()) << workspace.status().message();
  if (!workspace.ok()) return outcome;
  Result<ImportSummary> summary = Import(**workspace, ImportOptions{.paths = {dir}, .show_progress = false});
  EXPECT_TRUE(summary.ok()) << summary.status().message();
  if (summary.ok()) outcome.summary = summary.value();
  outcome.posts = (*workspace)->db().QueryInt("SELECT count(*) FROM posts").value();
  outcome.quarantined = (*workspace)->db().QueryInt("SELECT count(*) FROM quarantine").value();
  Result<std::vector<QuarantineRow>> rows = ListQuarantine(**workspace, 0, 1000);
  EXPECT_TRUE(rows.ok());
  if (rows.ok()) {
    for (const QuarantineRow& row : *rows) outcome.reasons += row.source + ":" + std::to_string(row.line) + " " + row.reason + "\n";
  }
  return outcome;
}

// A folder with the good file (ids 1-5) and `name` holding `bad`.
std::string Folder(const std::string& name, const std::string& bad) {
  std::string dir = testing::MakeTempDir("bad-input");
  testing::WriteFile(dir + "/good.jsonl", Statuses(1, 5));
  testing::WriteFile(dir + "/" + name, bad);
  return dir;
}

// gzip of `size` zero bytes, as one gzip member.
std::string GzipZeros(size_t size) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string zeros(size, '\0');
  std::string out(deflateBound(&stream, size), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(zeros.data());
  stream.avail_in = static_cast<uInt>(zeros.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// Writes a zip archive at `zip` whose members are the given files, with python3's zipfile
// (members named exactly as given, traversal names included; `stored` skips compression).
void WriteZip(const std::string& zip, const std::vector<std::pair<std::string, std::string>>& members, bool stored) {
  std::string staging = testing::MakeTempDir("zip-src");
  std::string script = "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile." +
                       std::string(stored ? "ZIP_STORED" : "ZIP_DEFLATED") + ")\n";
  int index = 0;
  for (const auto& [name, bytes] : members) {
    std::string file = staging + "/" + std::to_string(index++);
    testing::WriteFile(file, bytes);
    script += "z.write('" + file + "', arcname='" + name + "')\n";
  }
  script += "z.close()\n";
  testing::WriteFile(staging + "/make.py", script);
  ASSERT_EQ(std::system(("python3 " + staging + "/make.py " + zip).c_str()), 0);
}

TEST(BadInputCorpus, TruncatedJsonLineIsQuarantinedAndTheLinesBeforeKept) {
  std::string cut = Status(13);
  cut.resize(cut.size() / 2);
  Outcome outcome = ImportFolder(Folder("cut.jsonl", Statuses(10, 12) + cut));
  EXPECT_EQ(outcome.posts, 5 + 3);
  EXPECT_EQ(outcome.quarantined, 1) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("cut.jsonl:4 "), std::string::npos) << outcome.reasons;
}

TEST(BadInputCorpus, ObjectsGluedOnOneLineAreEachRead) {
  // Two records without a newline between them, as naive concatenation leaves them.
  Outcome outcome = ImportFolder(Folder("glued.jsonl", Statuses(10, 10) + Status(11) + Status(12) + "\n" + Statuses(13, 13)));
  EXPECT_EQ(outcome.posts, 5 + 4) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 0) << outcome.reasons;
}

TEST(BadInputCorpus, WrongTypesAreReadWhereUnambiguousAndQuarantinedElsewhere) {
  // A numeric id is still an id; a text that is an object is not a text.
  std::string number_id = R"({"id_str":11,"text":"x","created_at":"Wed Aug 27 13:08:45 +0000 2014","user":{"id_str":"9001","screen_name":"u"}})";
  std::string object_text = R"({"id_str":"12","text":{"a":1},"created_at":"Wed Aug 27 13:08:45 +0000 2014","user":{"id_str":"9001","screen_name":"u"}})";
  Outcome outcome = ImportFolder(Folder("types.jsonl", Statuses(10, 10) + number_id + "\n" + object_text + "\n" + Statuses(13, 13)));
  EXPECT_EQ(outcome.posts, 5 + 3) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 1) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("types.jsonl:3 "), std::string::npos) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("wrong type"), std::string::npos) << outcome.reasons;
}

TEST(BadInputCorpus, InvalidAndOverlongUtf8LinesAreQuarantined) {
  std::string invalid = Status(11, "bad \xff\xfe bytes");
  std::string overlong = Status(12, "overlong slash \xc0\xaf");
  Outcome outcome = ImportFolder(Folder("utf8.jsonl", Statuses(10, 10) + invalid + "\n" + overlong + "\n" + Statuses(13, 13)));
  EXPECT_EQ(outcome.posts, 5 + 2) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 2) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("UTF-8"), std::string::npos) << outcome.reasons;
}

TEST(BadInputCorpus, ByteOrderMarkAndCrlfAreReadAsPlainJsonLines) {
  Outcome outcome = ImportFolder(Folder("bom-crlf.jsonl", "\xEF\xBB\xBF" + Statuses(10, 14, "\r\n")));
  EXPECT_EQ(outcome.posts, 5 + 5) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 0) << outcome.reasons;
}

TEST(BadInputCorpus, HugeFieldIsKept) {
  Outcome outcome = ImportFolder(Folder("huge.jsonl", Statuses(10, 10) + Status(11, std::string(20 << 20, 'x')) + "\n" + Statuses(12, 12)));
  EXPECT_EQ(outcome.posts, 5 + 3) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 0) << outcome.reasons;
}

TEST(BadInputCorpus, DeeplyNestedUnknownFieldIsSkippedWithoutRecursion) {
  // 100,000 levels of arrays in a field crowdlens does not read: skipped, not recursed into.
  std::string deep = R"({"id_str":"11","text":"x","created_at":"Wed Aug 27 13:08:45 +0000 2014","user":{"id_str":"9001","screen_name":"u"},"extra":)" +
                     std::string(100000, '[') + std::string(100000, ']') + "}";
  // The same depth where a record starts: not an object, so quarantined.
  std::string deep_record = std::string(100000, '[') + std::string(100000, ']');
  Outcome outcome = ImportFolder(Folder("deep.jsonl", Statuses(10, 10) + deep + "\n" + deep_record + "\n" + Statuses(12, 12)));
  EXPECT_EQ(outcome.posts, 5 + 3) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 1) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("deep.jsonl:3 "), std::string::npos) << outcome.reasons;
}

TEST(BadInputCorpus, EmptyFileIsSkippedWithAReason) {
  Outcome outcome = ImportFolder(Folder("empty.jsonl", ""));
  EXPECT_EQ(outcome.posts, 5);
  EXPECT_EQ(outcome.summary.failed_inputs, 0u);
  bool found = false;
  for (const ImportedInput& input : outcome.summary.inputs) {
    if (input.source.ends_with("empty.jsonl")) {
      found = true;
      EXPECT_EQ(input.status, "skipped");
      EXPECT_NE(input.message.find("empty"), std::string::npos) << input.message;
    }
  }
  EXPECT_TRUE(found);
}

TEST(BadInputCorpus, BinaryFileIsSkippedAndNamedDirectlyIsAClearError) {
  std::mt19937 random(7);
  std::string noise(64 << 10, '\0');
  for (char& byte : noise) byte = static_cast<char>(random());
  std::string dir = Folder("photo.json", noise);
  Outcome outcome = ImportFolder(dir);
  EXPECT_EQ(outcome.posts, 5);
  EXPECT_EQ(outcome.quarantined, 0) << outcome.reasons;

  Result<std::unique_ptr<Workspace>> workspace = Workspace::Open(testing::MakeTempDir("ws"), OpenMode::kCreate);
  ASSERT_TRUE(workspace.ok());
  Result<ImportSummary> named = Import(**workspace, ImportOptions{.paths = {dir + "/photo.json"}, .show_progress = false});
  ASSERT_TRUE(named.ok()) << named.status().message();
  EXPECT_EQ(named->failed_inputs, 1u);
  EXPECT_NE(named->inputs[0].message.find("photo.json"), std::string::npos) << named->inputs[0].message;
}

TEST(BadInputCorpus, GzipBombIsRefusedAndTheRestImports) {
  // 300 gzip members of 1 MiB of zeros each: 300 KB on disk, 300 MiB inflated, about 1000x.
  std::string member = GzipZeros(1 << 20);
  std::string bomb;
  for (int copy = 0; copy < 300; ++copy) bomb += member;
  Outcome outcome = ImportFolder(Folder("bomb.jsonl.gz", bomb));
  EXPECT_EQ(outcome.posts, 5);
  EXPECT_EQ(outcome.summary.failed_inputs, 1u);
  EXPECT_EQ(outcome.quarantined, 1) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("bomb.jsonl.gz"), std::string::npos) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("decompression bomb"), std::string::npos) << outcome.reasons;
}

TEST(BadInputCorpus, ZipMemberThatClaimsTooMuchIsRefusedBeforeInflating) {
  std::string dir = testing::MakeTempDir("zip-bomb");
  WriteZip(dir + "/bomb.zip", {{"zeros.jsonl", std::string(4 << 20, '\0')}, {"good.jsonl", Statuses(1, 3)}}, false);
  Result<std::vector<InputSource>> sources = ExpandInputs({dir + "/bomb.zip"});
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 2u);
  // The limits scaled down 256 times: members past 1 MiB must stay under 200x.
  InputLimits limits{.max_bytes = uint64_t{1} << 30, .max_ratio = 200, .ratio_applies_above = uint64_t{1} << 20};
  Result<InputBuffer> good = LoadInput((*sources)[0], limits);
  ASSERT_TRUE(good.ok()) << good.status().message();
  EXPECT_EQ(good->view(), Statuses(1, 3));
  Result<InputBuffer> zeros = LoadInput((*sources)[1], limits);
  ASSERT_FALSE(zeros.ok());
  EXPECT_NE(zeros.status().message().find("bomb.zip!zeros.jsonl"), std::string::npos) << zeros.status().message();
  EXPECT_NE(zeros.status().message().find("decompression bomb"), std::string::npos) << zeros.status().message();
  InputLimits small{.max_bytes = 1 << 20};
  Result<InputBuffer> too_large = LoadInput((*sources)[1], small);
  ASSERT_FALSE(too_large.ok());
  EXPECT_NE(too_large.status().message().find("more than this machine can hold"), std::string::npos);
}

TEST(BadInputCorpus, TraversalNamesInAnArchiveAreReadButNothingIsWritten) {
  std::string dir = testing::MakeTempDir("traversal");
  std::string in = dir + "/in";
  fs::create_directories(in);
  WriteZip(in + "/export.zip", {{"../../escaped.jsonl", Statuses(10, 12)}, {"/absolute.jsonl", Statuses(13, 14)}}, true);
  Outcome outcome = ImportFolder(in);
  EXPECT_EQ(outcome.posts, 5) << outcome.reasons;
  EXPECT_FALSE(fs::exists(dir + "/escaped.jsonl"));
  EXPECT_FALSE(fs::exists(in + "/../escaped.jsonl"));
  EXPECT_FALSE(fs::exists("/absolute.jsonl"));
  EXPECT_EQ(outcome.summary.failed_inputs, 0u);
}

TEST(BadInputCorpus, UnbalancedCsvQuoteLosesOnlyItsOwnRow) {
  const std::string header =
      "id,user_name,user_location,user_description,user_created,user_followers,user_friends,user_favourites,"
      "user_verified,date,text,hashtags,source,retweets,favorites,is_retweet\n";
  auto row = [](int id, std::string_view text) {
    return std::to_string(id) + ",name" + std::to_string(id) + ",London,bio,2009-04-08 17:52:46,1,2,3,False," +
           "2020-12-20 06:06:44," + std::string(text) + ",[],web,0,0,False\n";
  };
  std::string csv = header + row(100, "first") + row(101, "second") + row(102, "\"opened and never closed") +
                    row(103, "fourth") + row(104, "fifth");
  Outcome outcome = ImportFolder(Folder("export.csv", csv));
  EXPECT_EQ(outcome.posts, 5 + 4) << outcome.reasons;
  EXPECT_EQ(outcome.quarantined, 1) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("export.csv:4 "), std::string::npos) << outcome.reasons;
  EXPECT_NE(outcome.reasons.find("quote"), std::string::npos) << outcome.reasons;
}

}  // namespace
}  // namespace crowdlens
