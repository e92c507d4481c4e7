// swift-tools-version:6.0
// libFuzzer targets, kept out of the main package because they have no `main` without
// -sanitize=fuzzer. Build and run (see Fuzz/README.md):
//   cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   .build/release/FuzzArticleDecoder Corpus/article -max_total_time=600
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "LedeFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzArticleDecoder", dependencies: ["FuzzDriver", .product(name: "LedeWire", package: root)]),
        .executableTarget(name: "FuzzExtraction", dependencies: ["FuzzDriver", .product(name: "LedeExtraction", package: root)]),
    ],
    swiftLanguageModes: [.v6]
)
