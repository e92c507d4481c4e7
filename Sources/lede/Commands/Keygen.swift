import ArgumentParser
import Foundation
import ZeroMQ

struct Keygen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a CURVE key pair: PREFIX.key (secret, mode 0600) and PREFIX.pub.")

    @Option(help: "Path prefix of the key files.") var out: String = "lede"

    func run() async throws {
        guard Context.has("curve") else { throw CLIError("this libzmq was built without CURVE") }
        let pair = try Curve.keyPair()
        let secretPath = out + ".key", publicPath = out + ".pub"
        guard FileManager.default.createFile(atPath: secretPath, contents: Data("# Lede CURVE secret key: keep it private\n\(pair.secretKey)\n".utf8), attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(atPath: publicPath, contents: Data("\(pair.publicKey)\n".utf8))
        else { throw CLIError("cannot write \(secretPath) or \(publicPath)") }
        print(pair.publicKey)
    }
}
