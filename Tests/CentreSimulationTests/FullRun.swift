import CentreModel
import CentreSimulation
import Experiments

/// A scenario's replications with every replication's full result kept (days,
/// procedures, channels ...), for tests that look inside one; `Experiment.run` keeps
/// only each replication's record, so that memory stays flat in the replications.
struct FullRun {
  let scenario: Scenario
  let replications: [ReplicationResult]
}

/// Runs all of `scenario`'s replications, keeping their full results.
func fullRun(_ scenario: Scenario, jobs: Int = Experiment.defaultJobs) -> FullRun {
  FullRun(scenario: scenario, replications: Experiment.run(scenario, replications: 0..<scenario.replications, jobs: jobs))
}
