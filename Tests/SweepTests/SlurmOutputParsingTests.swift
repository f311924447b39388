import Testing

@testable import Sweep

/// Reading what SLURM's commands print (formats of SLURM 22.05 to 24.x).
@Suite struct SlurmOutputParsingTests {
    @Test func maxArraySizeIsReadFromScontrolShowConfig() {
        let text = """
            Configuration data as of 2026-11-30T17:05:00
            MaxArraySize            = 1001
            MaxBatchRequeue         = 5
            """
        #expect(SlurmOutput.parseMaxArraySize(text) == 1001)
        #expect(SlurmOutput.parseMaxArraySize("MaxBatchRequeue = 5\n") == nil)
    }

    @Test func theJobIdIsWhatSbatchParsablePrints() {
        #expect(SlurmOutput.parsableJobId("42\n") == "42")
        #expect(SlurmOutput.parsableJobId("42;cluster\n") == "42")
        #expect(SlurmOutput.parsableJobId("Submitted batch job 42\n") == nil)
        #expect(SlurmOutput.parsableJobId("") == nil)
    }

    @Test func jobStatesAndExitCodesComeFromScontrolShowJob() {
        let text = """
            JobId=8 ArrayJobId=7 ArrayTaskId=1 JobName=e2e JobState=COMPLETED Reason=None ExitCode=0:0 Requeue=1
            JobId=7 ArrayJobId=7 ArrayTaskId=0 JobName=e2e JobState=FAILED Reason=NonZeroExitCode ExitCode=1:0
            JobId=9 JobName=e2e JobState=CANCELLED Reason=None ExitCode=0:15
            JobId=10 JobName=e2e JobState=PENDING Reason=Dependency ExitCode=0:0
            """
        let states = SlurmOutput.parseJobStates(text)
        #expect(states == [
            ClusterJobState(state: "COMPLETED", exitStatus: 0, signal: 0),
            ClusterJobState(state: "FAILED", exitStatus: 1, signal: 0),
            ClusterJobState(state: "CANCELLED", exitStatus: 0, signal: 15),
            ClusterJobState(state: "PENDING", exitStatus: 0, signal: 0),
        ])
        #expect(states.map(\.hasEnded) == [true, true, true, false])
    }
}
