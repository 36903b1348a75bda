#include "store/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_data.h"

namespace crowdlens {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Config, SetOwnersKeepsTheUsersComments) {
  std::string path = testing::MakeTempDir("config") + "/crowdlens.toml";
  ASSERT_TRUE(Config::WriteDefault(path).ok());
  std::ofstream(path, std::ios::app) << "# my own note\n[extra]\nkeep = 1\n";
  ASSERT_TRUE(Config::SetOwners(path, {ParseOwnerRef("@Alice"), ParseOwnerRef("bluesky:bob.bsky.social")}).ok());
  Result<Config> config = Config::Load(path);
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_EQ(config->owners.size(), 2u);
  EXPECT_EQ(config->owners[0].platform, "twitter");
  EXPECT_EQ(config->owners[0].handle, "Alice");
  EXPECT_EQ(config->owners[1].platform, "bluesky");
  std::string text = ReadText(path);
  EXPECT_NE(text.find("# my own note"), std::string::npos);
  EXPECT_NE(text.find("keep = 1"), std::string::npos);
  EXPECT_NE(text.find("# The account(s) whose crowd"), std::string::npos);
}

TEST(Config, SyntaxErrorsNameTheLine) {
  std::string path = testing::MakeTempDir("config") + "/crowdlens.toml";
  testing::WriteFile(path, "[owner]\naccounts = [\"a\"\nbroken =\n");
  Result<Config> config = Config::Load(path);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("line"), std::string::npos);
}

}  // namespace
}  // namespace crowdlens
