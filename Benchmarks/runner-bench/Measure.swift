import Foundation

/// Runs `body` `repetitions` times after one warm-up and returns the median wall time in seconds.
func medianSeconds(repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

/// Prints one benchmark line: name, figure, unit.
func report(_ name: String, _ value: Double, _ unit: String) {
    let padded = name.padding(toLength: 56, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%12.1f", value)) \(unit)")
}
