// Process plumbing for the end-to-end tests: fork, exec, collect, parse.
#include "cgi_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "../common/read_file.h"

namespace e2e {

std::string Result::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::string binary() {
    const char* b = getenv("FOLIO_BIN");
    return b && *b ? b : "cgi-bin/folio.fcgi";
}

void parse_response(Result& r) {
    std::size_t end = r.out.find("\r\n\r\n");
    if (end == std::string::npos) return;
    std::string head = r.out.substr(0, end);
    r.body = r.out.substr(end + 4);
    std::size_t pos = 0;
    while (pos < head.size()) {
        std::size_t eol = head.find("\r\n", pos);
        if (eol == std::string::npos) eol = head.size();
        std::string line = head.substr(pos, eol - pos);
        std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon), value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            if (name == "Status") r.status = std::atoi(value.c_str());
            r.headers[name] = value;
        }
        pos = eol + 2;
    }
}

Result run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    return run_program(binary(), args, env);
}

Result run_program(const std::string& bin, const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env) {
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork");
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        std::vector<std::string> envs;
        for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
        std::vector<char*> envp, argv;
        for (auto& e : envs) envp.push_back(e.data());
        envp.push_back(nullptr);
        std::string b = bin;
        argv.push_back(b.data());
        std::vector<std::string> a = args;
        for (auto& s : a) argv.push_back(s.data());
        argv.push_back(nullptr);
        execve(b.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    Result r;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (open_fds > 0) {
        int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        if (left <= 0) {
            kill(pid, SIGKILL);
            break;
        }
        if (poll(fds, 2, left) <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            char buf[65536];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            } else {
                (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) close(f.fd);
    int st = 0;
    waitpid(pid, &st, 0);
    r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    parse_response(r);
    return r;
}

Result cgi(const std::string& uri, const std::string& method, const std::string& config) {
    std::map<std::string, std::string> env = {
        {"REQUEST_METHOD", method}, {"REQUEST_URI", uri}, {"GATEWAY_INTERFACE", "CGI/1.1"}, {"PATH", "/usr/bin:/bin"}};
    std::size_t q = uri.find('?');
    env["QUERY_STRING"] = q == std::string::npos ? "" : uri.substr(q + 1);
    if (!config.empty()) env["FOLIO_CONFIG"] = config;
    return run({}, env);
}

SiteCopy::SiteCopy() : dir(tmp.path()), config(dir + "/cgi-bin/folio.ini") {
    tmp.mkdirs("cgi-bin");
    const std::string cmd = "cp -R content templates '" + dir + "/' && cp cgi-bin/folio.ini '" + dir + "/cgi-bin/'";
    if (system(cmd.c_str()) != 0) throw std::runtime_error("copying the default site failed");
}

void SiteCopy::write(const std::string& rel, const std::string& text) const { tmp.write(rel, text); }

std::string SiteCopy::config_text() const { return testing::read_file(config); }

void SiteCopy::replace_in_config(const std::string& find, const std::string& with) const {
    std::string ini = config_text();
    const std::size_t at = ini.find(find);
    if (at == std::string::npos) throw std::runtime_error(config + ": no '" + find + "' to replace");
    write("cgi-bin/folio.ini", ini.replace(at, find.size(), with));
}

}  // namespace e2e
