#include "core/input.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "test_data.h"

namespace crowdlens {
namespace {

using testing::MakeTempDir;
using testing::WriteFile;

std::string Load(const InputSource& source) {
  Result<InputBuffer> buffer = LoadInput(source);
  EXPECT_TRUE(buffer.ok()) << buffer.status().message();
  return buffer.ok() ? std::string(buffer->view()) : "";
}

TEST(Input, ReadsPlainGzipAndZstdAlike) {
  std::string dir = MakeTempDir("input");
  std::string text = "line one\nline two\n";
  WriteFile(dir + "/plain.txt", text);
  WriteFile(dir + "/packed.txt", text);
  ASSERT_EQ(std::system(("gzip -kf " + dir + "/packed.txt && zstd -qf " + dir + "/packed.txt && rm " + dir +
                         "/packed.txt").c_str()), 0);
  Result<std::vector<InputSource>> sources = ExpandInputs({dir});
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 3u);  // packed.txt.gz, packed.txt.zst, plain.txt
  for (const InputSource& source : *sources) EXPECT_EQ(Load(source), text) << source.name;
}

TEST(Input, ExpandsZipMembersAndSkipsHiddenFiles) {
  std::string dir = MakeTempDir("input");
  WriteFile(dir + "/in/a.txt", "a");
  WriteFile(dir + "/in/sub/b.txt", "bb");
  WriteFile(dir + "/in/.hidden", "x");
  ASSERT_EQ(std::system(("cd " + dir + "/in && python3 -c \"import zipfile; z=zipfile.ZipFile('../pack.zip','w'); "
                         "z.write('a.txt'); z.write('sub/b.txt'); z.close()\"").c_str()), 0);
  Result<std::vector<InputSource>> sources = ExpandInputs({dir + "/pack.zip", dir + "/in"});
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 4u);
  EXPECT_EQ((*sources)[0].member, "a.txt");
  EXPECT_EQ((*sources)[1].member, "sub/b.txt");
  EXPECT_EQ(Load((*sources)[1]), "bb");
  EXPECT_EQ((*sources)[2].name, dir + "/in/a.txt");
}

TEST(Input, TruncatedGzipIsADataErrorNamingTheFile) {
  std::string dir = MakeTempDir("input");
  WriteFile(dir + "/x.txt", std::string(100000, 'x') + "tail");
  ASSERT_EQ(std::system(("gzip -f " + dir + "/x.txt && head -c 60 " + dir + "/x.txt.gz > " + dir + "/cut.gz").c_str()), 0);
  Result<InputBuffer> buffer = LoadInput({.name = dir + "/cut.gz", .path = dir + "/cut.gz"});
  ASSERT_FALSE(buffer.ok());
  EXPECT_EQ(buffer.status().code(), ErrorCode::kDataError);
  EXPECT_NE(buffer.status().message().find("cut.gz"), std::string::npos);
  EXPECT_NE(buffer.status().message().find("truncated"), std::string::npos);
}

TEST(Input, MissingPathIsNotFound) {
  Result<std::vector<InputSource>> sources = ExpandInputs({"/nonexistent/file.json"});
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.status().code(), ErrorCode::kNotFound);
}

TEST(Input, BuffersArePadded) {
  InputBuffer buffer = InputBuffer::FromString("{}");
  EXPECT_EQ(buffer.size(), 2u);
  EXPECT_EQ(buffer.capacity(), 2u + kInputPadding);
  EXPECT_EQ(buffer.data()[2], '\0');
}

}  // namespace
}  // namespace crowdlens
