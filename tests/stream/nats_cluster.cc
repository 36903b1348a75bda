#include "stream/nats_cluster.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nats/nats.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "test_data.h"

namespace crowdlens::testing {

std::string NatsServerBinary() {
  for (const char* path : {"/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"}) {
    if (access(path, X_OK) == 0) return path;
  }
  return "";
}

int FreePort() {
  int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(socket_fd);
  return ntohs(address.sin_port);
}

pid_t Spawn(const std::vector<std::string>& arguments, const std::string& log_path) {
  pid_t pid = fork();
  if (pid == 0) {
    int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    int null_input = open("/dev/null", O_RDONLY);
    dup2(null_input, STDIN_FILENO);
    std::vector<char*> argv;
    for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int WaitForExit(pid_t pid, int timeout_seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return -1;
}

void KillAndReap(pid_t pid, int signal) {
  if (pid <= 0) return;
  kill(pid, signal);
  if (WaitForExit(pid, 10) == -1) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::unique_ptr<NatsCluster> NatsCluster::Start(int size, const std::string& dir) {
  auto cluster = std::make_unique<NatsCluster>();
  std::vector<int> route_ports;
  for (int member = 0; member < size; ++member) {
    cluster->client_ports_.push_back(FreePort());
    route_ports.push_back(FreePort());
  }
  for (int member = 0; member < size; ++member) {
    std::string name = "n" + std::to_string(member + 1);
    std::ostringstream config;
    config << "server_name: " << name << "\nlisten: 127.0.0.1:" << cluster->client_ports_[member]
           << "\njetstream { store_dir: \"" << dir << "/" << name << "\" }\n";
    if (size > 1) {
      config << "cluster {\n  name: crowdlens-test\n  listen: 127.0.0.1:" << route_ports[member] << "\n  routes: [\n";
      for (int other = 0; other < size; ++other) {
        if (other != member) config << "    nats-route://127.0.0.1:" << route_ports[other] << "\n";
      }
      config << "  ]\n}\n";
    }
    std::string config_path = dir + "/" + name + ".conf";
    WriteFile(config_path, config.str());
    cluster->pids_.push_back(Spawn({NatsServerBinary(), "-c", config_path}, dir + "/" + name + ".log"));
  }
  return cluster;
}

NatsCluster::~NatsCluster() {
  for (pid_t pid : pids_) KillAndReap(pid, SIGTERM);
}

std::string NatsCluster::urls() const {
  std::string urls;
  for (int port : client_ports_) urls += (urls.empty() ? "" : ",") + std::string("nats://127.0.0.1:") + std::to_string(port);
  return urls;
}

bool NatsCluster::WaitForJetStream(int timeout_seconds) const {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    bool ready = true;
    for (int port : client_ports_) {
      natsConnection* connection = nullptr;
      jsCtx* context = nullptr;
      jsAccountInfo* info = nullptr;
      std::string url = "nats://127.0.0.1:" + std::to_string(port);
      bool ok = natsConnection_ConnectTo(&connection, url.c_str()) == NATS_OK &&
                natsConnection_JetStream(&context, connection, nullptr) == NATS_OK &&
                js_GetAccountInfo(&info, context, nullptr, nullptr) == NATS_OK;
      jsAccountInfo_Destroy(info);
      jsCtx_Destroy(context);
      natsConnection_Destroy(connection);
      ready = ready && ok;
    }
    if (ready) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

void NatsCluster::Kill(int member) {
  KillAndReap(pids_[member], SIGKILL);
  pids_[member] = -1;
}

}  // namespace crowdlens::testing
