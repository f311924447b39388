import RunnerCLI

Runner.main()
