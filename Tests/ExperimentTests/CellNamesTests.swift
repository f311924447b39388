import Experiment
import Testing
import YAML

/// `report.names`: short names for the positions of an axis, standing for them in cell labels.
@Suite struct CellNamesTests {
    let scratch = Scratch()

    static let sweep = """
        grid:
          estimator: [{name: a2c}, {name: ppo, n_steps: 16}]
          entropy_coef: [0.0, 0.01]
        zip:
          - optimizer.lr: [0.001, 0.01]
            training.steps: [1000, 2000]

        """

    @Test func namesStandForTheirAxisInLabelsAndNothingElseChanges() throws {
        let named = try scratch.load("named.yaml", minimal(Self.sweep + """
            report:
              names:
                estimator: [A2C, PPO-16]
                training.steps: [short run, long run]

            """))
        #expect(named.cells.map(\.label) == [
            "A2C,entropy_coef=0.0,short run", "A2C,entropy_coef=0.0,long run",
            "A2C,entropy_coef=0.01,short run", "A2C,entropy_coef=0.01,long run",
            "PPO-16,entropy_coef=0.0,short run", "PPO-16,entropy_coef=0.0,long run",
            "PPO-16,entropy_coef=0.01,short run", "PPO-16,entropy_coef=0.01,long run",
        ])
        // Labels only: the swept values, the jobs and their ids are those of the unnamed file.
        let plain = try scratch.load("plain.yaml", minimal(Self.sweep))
        #expect(plain.cells[5].label == "estimator={\"n_steps\":16,\"name\":\"ppo\"},entropy_coef=0.0,optimizer.lr=0.01,training.steps=2000")
        #expect(named.cells.map { $0.values.map(\.value) } == plain.cells.map { $0.values.map(\.value) })
        #expect(named.jobs.map(\.id) == plain.jobs.map(\.id))
    }

    @Test func badNamesAreLocatedErrors() {
        let errors = scratch.errors(minimal(Self.sweep + """
            report:
              names:
                estimator: [A2C]
                entropy_coef: [none, "a,b"]
                optimizer.lr: [slow, slow]
                baseline: [x]

            """))
        #expect(errors.map(\.path) == [
            "report.names.estimator", "report.names.entropy_coef[1]", "report.names.optimizer.lr[1]",
            "report.names.baseline",
        ], "\(errors)")
        #expect(errors[0].message == "expected a list of 2 names, one per value of the axis", "\(errors)")
        #expect(errors[2].message.contains("'slow' names position 0 already"), "\(errors)")
        #expect(errors[3].message.contains("is not a grid or zip key"), "\(errors)")
    }
}
