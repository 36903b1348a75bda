// Real peers for the streaming tier's tests: nats-server processes with
// JetStream on free loopback ports (one, or a cluster with routes between
// them), each with its own store folder, and child processes a test can kill.
//
//   std::unique_ptr<NatsCluster> cluster = NatsCluster::Start(3, dir);
//   ASSERT_TRUE(cluster->WaitForJetStream(30));
//   cluster->Kill(2);  // SIGKILL, mid-stream
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace crowdlens::testing {

// The nats-server binary, or empty when it is not installed.
std::string NatsServerBinary();

int FreePort();

// Starts `arguments` with stdout and stderr appended to `log_path`.
pid_t Spawn(const std::vector<std::string>& arguments, const std::string& log_path);
// Waits for the process to end; its exit code, 128+signal when killed, -1 when still running at the deadline.
int WaitForExit(pid_t pid, int timeout_seconds);
void KillAndReap(pid_t pid, int signal);
std::string ReadWholeFile(const std::string& path);

class NatsCluster {
 public:
  // `size` 1 starts one JetStream server; more start a cluster named "crowdlens-test".
  static std::unique_ptr<NatsCluster> Start(int size, const std::string& dir);
  ~NatsCluster();

  // Every member's client URL, comma-separated (what --nats takes).
  std::string urls() const;
  // True once JetStream answers (the cluster has elected its meta leader).
  bool WaitForJetStream(int timeout_seconds) const;
  void Kill(int member);

 private:
  std::vector<pid_t> pids_;
  std::vector<int> client_ports_;
};

}  // namespace crowdlens::testing
