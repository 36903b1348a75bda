// Reading [mix] own_domains from crowdlens.toml, and the messages for a wrong one.
#include <gtest/gtest.h>

#include "store/mix_config.h"
#include "test_data.h"

namespace crowdlens {
namespace {

std::string WriteConfig(const std::string& text) {
  std::string path = testing::MakeTempDir("mix-config") + "/crowdlens.toml";
  testing::WriteFile(path, text);
  return path;
}

TEST(MixConfig, MissingFileOrTableGivesNoDomains) {
  Result<MixConfig> missing = LoadMixConfig(testing::MakeTempDir("mix-config") + "/none.toml");
  ASSERT_TRUE(missing.ok());
  EXPECT_TRUE(missing->own_domains.empty());
  Result<MixConfig> other = LoadMixConfig(WriteConfig("[owner]\naccounts = [\"acme\"]\n"));
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->own_domains.empty());
}

TEST(MixConfig, DomainsAreReducedToTheirHost) {
  Result<MixConfig> config =
      LoadMixConfig(WriteConfig("[mix]\nown_domains = [\"acme.com\", \"https://www.Acme-Shop.co.uk/store\"]\n"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->own_domains, (std::vector<std::string>{"acme.com", "acme-shop.co.uk"}));
}

TEST(MixConfig, WrongValuesNameTheLine) {
  Result<MixConfig> string = LoadMixConfig(WriteConfig("# comment\n[mix]\nown_domains = \"acme.com\"\n"));
  ASSERT_FALSE(string.ok());
  EXPECT_EQ(string.status().code(), ErrorCode::kDataError);
  EXPECT_NE(string.status().message().find("crowdlens.toml line 3: mix.own_domains must be a list"), std::string::npos)
      << string.status().message();
  Result<MixConfig> number = LoadMixConfig(WriteConfig("[mix]\nown_domains = [\"acme.com\", 4]\n"));
  ASSERT_FALSE(number.ok());
  Result<MixConfig> empty = LoadMixConfig(WriteConfig("[mix]\nown_domains = [\"\"]\n"));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("an empty domain"), std::string::npos);
  Result<MixConfig> broken = LoadMixConfig(WriteConfig("[mix\n"));
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("line 1"), std::string::npos) << broken.status().message();
}

}  // namespace
}  // namespace crowdlens
