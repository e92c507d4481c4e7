import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `Deploy/` checked as far as it can be without a container engine or systemd running: the compose
/// file and the unit parsed and held to what an operator relies on, the Dockerfile's promises, and the
/// readiness notification a `Type=notify` unit waits for, received on a real socket.
final class DeployFilesTests: XCTestCase {
    let root = repositoryRoot
    var deploy: URL { root.appendingPathComponent("Deploy") }

    /// A compose file's services, read with PyYAML (anchors and merge keys resolved).
    func composeServices(_ file: String) throws -> [String: [String: Any]] {
        let script = """
            import json, sys, yaml
            doc = yaml.safe_load(open(sys.argv[1]))
            print(json.dumps(doc))
            """
        let run = try runProgram("/usr/bin/env", ["python3", "-c", script, deploy.appendingPathComponent(file).path])
        guard run.status == 0 else { throw XCTSkip("needs PyYAML (.ci/run installs it): \(run.stderr)") }
        let compose = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(compose["services"] as? [String: [String: Any]])
    }

    func testTheThreeNodeComposeFilePutsEveryNodeOnPostgresBehindBothProxies() throws {
        let services = try composeServices("compose.nodes.yaml")
        let nodes = ["node1", "node2", "node3"]
        XCTAssertEqual(Set(services.keys), Set(nodes + ["postgres", "subscribers", "producers"]))
        for (name, service) in services {
            XCTAssertNotNil(service["restart"], "\(name) has a restart policy")
            for port in service["ports"] as? [String] ?? [] { XCTAssertTrue(port.hasPrefix("127.0.0.1:"), "\(name): \(port) on loopback only") }
        }
        for node in nodes {
            let command = services[node]?["command"] as? [String] ?? []
            XCTAssertTrue(command.contains("postgres://lede@postgres:5432/lede"), "\(node): \(command)")
            XCTAssertEqual((services[node]?["depends_on"] as? [String: [String: String]])?["postgres"]?["condition"], "service_healthy")
        }
        let subscribers = (services["subscribers"]?["command"] as? [String] ?? []).joined(separator: " ")
        let producers = (services["producers"]?["command"] as? [String] ?? []).joined(separator: " ")
        for node in nodes {
            XCTAssertTrue(subscribers.contains("--frontend tcp://\(node):5558"), subscribers)
            XCTAssertTrue(producers.contains("--backend tcp://\(node):5557"), producers)
        }
        XCTAssertTrue(producers.hasPrefix("proxy --pipeline"), producers)
    }

    func testTheComposeFileRestartsChecksHealthAndStaysInsideTheRepository() throws {
        let services = try composeServices("compose.yaml")
        XCTAssertEqual(Set(services.keys), ["lede", "subscriber", "producer"])
        for (name, service) in services {
            XCTAssertNotNil(service["restart"], "\(name) has a restart policy")
            for volume in service["volumes"] as? [String] ?? [] where volume.hasPrefix(".") {
                let source = deploy.appendingPathComponent(String(volume.split(separator: ":")[0])).standardized.path
                XCTAssertTrue(source.hasPrefix(root.path + "/"), "\(name) mounts \(source), outside the repository")
                XCTAssertTrue(FileManager.default.fileExists(atPath: source), "\(name) mounts \(source), which exists")
            }
            if name != "lede" {
                let dependsOn = service["depends_on"] as? [String: [String: String]]
                XCTAssertEqual(dependsOn?["lede"]?["condition"], "service_healthy", "\(name) waits for a healthy service")
            }
        }
        let lede = try XCTUnwrap(services["lede"])
        let test = try XCTUnwrap((lede["healthcheck"] as? [String: Any])?["test"] as? [String])
        XCTAssertEqual(Array(test.prefix(3)), ["CMD", "/usr/local/bin/lede", "health"])
        for port in lede["ports"] as? [String] ?? [] {
            XCTAssertTrue(port.hasPrefix("127.0.0.1:"), "\(port) is published on loopback only (no CURVE)")
        }
    }

    func testTheSystemdUnitIsHardenedAndWaitsForReadiness() throws {
        let unit = try String(contentsOf: deploy.appendingPathComponent("lede.service"), encoding: .utf8)
        var settings: [String: String] = [:]
        for line in unit.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("[") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2 { settings[parts[0]] = parts[1] }
        }
        for (key, value) in [
            ("Type", "notify"), ("DynamicUser", "yes"), ("StateDirectory", "lede"), ("NoNewPrivileges", "yes"),
            ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"), ("PrivateDevices", "yes"),
            ("RestrictNamespaces", "yes"), ("CapabilityBoundingSet", ""), ("Restart", "on-failure"),
        ] {
            XCTAssertEqual(settings[key], value, key)
        }
        XCTAssertNil(settings["User"], "no user that nothing creates")

        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") else { return }
        // systemd's own reading of the unit, with the binary where the test built it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("lede.service")
        try unit.replacingOccurrences(of: "/usr/local/bin/lede", with: productsDirectory.appendingPathComponent("lede").path)
            .write(to: copy, atomically: true, encoding: .utf8)
        let verify = try runProgram("/usr/bin/systemd-analyze", ["verify", copy.path])
        let complaints = verify.stderr.split(separator: "\n").filter { $0.contains("lede.service") }
        XCTAssertTrue(complaints.isEmpty, complaints.joined(separator: "\n"))
    }

    func testTheImageCarriesItsConfigurationAHealthCheckAndANumericUser() throws {
        let dockerfile = try String(contentsOf: deploy.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let lines = dockerfile.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("COPY Deploy/lede.example.json /etc/lede/lede.json"), "the CMD's configuration is in the image")
        XCTAssertTrue(lines.contains { $0.contains("CMD [\"serve\", \"--config\", \"/etc/lede/lede.json\"]") })
        XCTAssertTrue(lines.contains { $0.contains("\"/usr/local/bin/lede\", \"health\"") }, "a HEALTHCHECK with lede health")
        let user = try XCTUnwrap(lines.first { $0.hasPrefix("USER ") })
        XCTAssertTrue(user.dropFirst(5).allSatisfy { $0.isNumber || $0 == ":" }, "\(user) is numeric")
        XCTAssertTrue(lines.contains("VOLUME /var/lib/lede"))
        let resolve = try XCTUnwrap(lines.firstIndex(of: "RUN swift package resolve"))
        let sources = try XCTUnwrap(lines.firstIndex(of: "COPY Sources ./Sources"))
        XCTAssertLessThan(resolve, sources, "dependencies resolve in a layer before the sources")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(".dockerignore").path))
    }

    /// What `Type=notify` waits for: `lede serve` sends READY=1 to `NOTIFY_SOCKET` once it is bound.
    func testServeTellsSystemdItIsReady() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notify").path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let child = try ChildLede(database: folder.appendingPathComponent("lede.sqlite").path, environment: ["NOTIFY_SOCKET": path])
        defer { child.signal(SIGTERM); _ = child.waitForExit(timeout: 30) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = recv(fd, &buffer, buffer.count, 0)
        XCTAssertEqual(n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : "nothing", "READY=1")
    }
}
