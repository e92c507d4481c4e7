import FuzzDriver

// The entry point SwiftPM expects of this executable target (see FuzzDriver).
@_cdecl("FuzzExtraction_main")
func driverMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
