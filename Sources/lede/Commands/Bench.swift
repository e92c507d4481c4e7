import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load generator and measurements: throughput, latency percentiles, memory.",
        subcommands: [BenchExtract.self, BenchService.self, BenchReprocess.self])
}
