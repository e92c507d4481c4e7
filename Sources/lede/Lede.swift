import ArgumentParser

@main
struct Lede: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Turns a stream of news articles into entities and events, stored and replayable.",
        subcommands: [
            Serve.self, Push.self, Subscribe.self, Replay.self, Extract.self, Eval.self, Train.self, Bench.self,
            Keygen.self,
        ]
    )
}

struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures extraction quality against a gold file.",
        subcommands: [EvalNER.self, EvalEvents.self]
    )
}

struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trains extraction models.",
        subcommands: [TrainNER.self]
    )
}
