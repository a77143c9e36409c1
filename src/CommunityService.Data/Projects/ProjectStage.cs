namespace CommunityService.Data.Projects;

/// <summary>The six pipeline stages of DOMAIN.md, then the end states.</summary>
public enum ProjectStage
{
    Survey,
    Decision,
    Plan,
    Publicity,
    Execution,
    Evaluation,
    Closed,
    Rejected,
    Cancelled,
}

public static class ProjectStages
{
    /// <summary>The pipeline order; <see cref="ProjectStage.Rejected"/> and <see cref="ProjectStage.Cancelled"/> are not in it.</summary>
    public static readonly IReadOnlyList<ProjectStage> Pipeline =
    [
        ProjectStage.Survey, ProjectStage.Decision, ProjectStage.Plan, ProjectStage.Publicity,
        ProjectStage.Execution, ProjectStage.Evaluation, ProjectStage.Closed,
    ];

    public static bool IsFinished(this ProjectStage stage) =>
        stage is ProjectStage.Closed or ProjectStage.Rejected or ProjectStage.Cancelled;

    public static ProjectStage? Next(this ProjectStage stage)
    {
        var index = Pipeline.IndexOf(stage);
        return index >= 0 && index < Pipeline.Count - 1 ? Pipeline[index + 1] : null;
    }

    private static int IndexOf(this IReadOnlyList<ProjectStage> list, ProjectStage stage)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == stage)
            {
                return i;
            }
        }
        return -1;
    }
}
