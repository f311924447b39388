import TestSupport
import Testing
@testable import Report

/// Summary statistics against numpy/scipy. References computed once with:
///
///     python3 -c "import numpy as np, scipy.stats as st; a = np.array(X, dtype=float);
///       print(np.mean(a), np.std(a, ddof=1), np.median(a), st.trim_mean(a, 0.25), st.sem(a))"
///
/// (numpy 2, scipy 1.17.1), printed with `repr` (17 significant digits).
struct StatisticsTests {
    struct Reference {
        var x: [Double]
        var mean, std, median, iqm, sem: Double
    }

    static let references = [
        Reference(x: [3.1, -0.4, 2.7, 5.9, 1.2, 0.0, 4.4], mean: 2.414285714285714, std: 2.304653677112588,
                  median: 2.7, iqm: 2.2800000000000002, sem: 0.8710772125386369),
        Reference(x: [10, 12, 9, 15, 11, 30, 8, 13], mean: 13.5, std: 7.030545599636733,
                  median: 11.5, iqm: 11.5, sem: 2.4856732344721877),
        Reference(x: [1, 2], mean: 1.5, std: 0.7071067811865476, median: 1.5, iqm: 1.5, sem: 0.5),
        Reference(x: [7.5, -2.25, 3.0, 100.0, 0.125], mean: 21.675, std: 43.93546403533255,
                  median: 3.0, iqm: 3.5416666666666665, sem: 19.64853684120016),
    ]

    @Test(arguments: references.indices)
    func matchesScipy(_ i: Int) {
        let r = Self.references[i]
        #expect(isClose(Statistics.mean(r.x), r.mean, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.standardDeviation(r.x), r.std, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.median(r.x), r.median, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.interquartileMean(r.x), r.iqm, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.standardError(r.x), r.sem, relative: 1e-12, absolute: 1e-12))
        // Order of the input does not matter for the order statistics.
        #expect(isClose(Statistics.interquartileMean(r.x.reversed()), r.iqm, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.median(r.x.reversed()), r.median, relative: 1e-12, absolute: 1e-12))
    }

    @Test func singleValueAndEmpty() {
        #expect(Statistics.mean([2.5]) == 2.5)
        #expect(Statistics.median([2.5]) == 2.5 && Statistics.interquartileMean([2.5]) == 2.5)
        #expect(Statistics.standardDeviation([2.5]).isNaN && Statistics.standardError([2.5]).isNaN)
        #expect(Statistics.mean([]).isNaN && Statistics.median([]).isNaN && Statistics.interquartileMean([]).isNaN)
    }

    /// numpy: `np.quantile([3.1,-0.4,2.7,5.9,1.2,0.0,4.4], [0.025, 0.975, 0.5, 0.3])`
    /// = [-0.34, 5.675, 2.7, 0.9599999999999997] (method "linear").
    @Test func quantileMatchesNumpyLinear() {
        let s = [3.1, -0.4, 2.7, 5.9, 1.2, 0.0, 4.4].sorted()
        #expect(isClose(Statistics.quantile(sorted: s, 0.025), -0.34, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.quantile(sorted: s, 0.975), 5.675, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.quantile(sorted: s, 0.5), 2.7, relative: 1e-12, absolute: 1e-12))
        #expect(isClose(Statistics.quantile(sorted: s, 0.3), 0.9599999999999997, relative: 1e-12, absolute: 1e-12))
        #expect(Statistics.quantile(sorted: s, 0) == -0.4 && Statistics.quantile(sorted: s, 1) == 5.9)
    }
}
