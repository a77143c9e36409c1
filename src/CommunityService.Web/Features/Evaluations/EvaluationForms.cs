using CommunityService.Data.Catalog;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Plans;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Evaluations;

/// <summary>A new evaluation: when it is done and by what means.</summary>
public sealed class EvaluationForm
{
    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public EvaluationTiming Timing { get; set; }
    public bool ByInterview { get; set; }
    public bool ByQuestionnaire { get; set; }
    public bool ByOtherMeans { get; set; }
    public string OtherMeans { get; set; } = "";

    public sealed class Validator : AbstractValidator<EvaluationForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Timing).IsInEnum().WithName(_ => l["Timing"]);
            RuleFor(f => f.ByInterview).Must((f, _) => f.ByInterview || f.ByQuestionnaire || f.ByOtherMeans)
                .WithMessage(_ => l[EvaluationReport.NeedsMeans]);
            RuleFor(f => f.OtherMeans).NotEmpty().When(f => f.ByOtherMeans).WithMessage(_ => l["Say what the other means were."]);
            RuleFor(f => f.OtherMeans).MaximumLength(EvaluationReport.OtherMeansMaxLength).WithName(_ => l["Other means"]);
        }
    }
}

/// <summary>The report's text, scores, comments and figures counted by hand.</summary>
public sealed class EvaluationEditForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public bool ByInterview { get; set; }
    public bool ByQuestionnaire { get; set; }
    public bool ByOtherMeans { get; set; }
    public string OtherMeans { get; set; } = "";
    public List<DimensionInput> Dimensions { get; set; } = [];
    public List<ObjectiveInput> Objectives { get; set; } = [];
    public List<ParticipationInput> Participation { get; set; } = [];
    public string Summary { get; set; } = "";
    public string Improvements { get; set; } = "";

    // Shown, not posted.
    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public EvaluationTiming Timing { get; set; }
    public IReadOnlyList<EvaluationSectionComment> Comments { get; set; } = [];

    public sealed class DimensionInput
    {
        public EvaluationSection Dimension { get; set; }
        public int? Score { get; set; }
        public string Narrative { get; set; } = "";
    }

    public sealed class ObjectiveInput
    {
        public int? PlanObjectiveId { get; set; }
        public decimal? Actual { get; set; }
        public string Comment { get; set; } = "";

        // Shown, not posted.
        public string Indicator { get; set; } = "";
        public string Unit { get; set; } = "";
        public MeasuredBy MeasuredBy { get; set; }
        public decimal Target { get; set; }
    }

    public sealed class ParticipationInput
    {
        public TargetGroup Group { get; set; }
        public int? Served { get; set; }

        // Shown, not posted.
        public int Expected { get; set; }
    }

    /// <summary>With several target groups the staff give how many of each were reached; with one, the records say.</summary>
    public bool TypesServed => Participation.Count > 1;

    public static EvaluationEditForm From(EvaluationReport r, string projectName) => new()
    {
        Id = r.Id, Version = r.Version, ByInterview = r.ByInterview, ByQuestionnaire = r.ByQuestionnaire, ByOtherMeans = r.ByOtherMeans, OtherMeans = r.OtherMeans,
        Summary = r.Summary, Improvements = r.Improvements, ProjectId = r.ProjectId, ProjectName = projectName, Timing = r.Timing,
        Comments = r.Status == ReportStatus.Returned ? r.SectionComments : [],
        Dimensions = r.Dimensions.Select(d => new DimensionInput { Dimension = d.Dimension, Score = d.Score, Narrative = d.Narrative }).ToList(),
        Objectives = r.Objectives.Select(o => new ObjectiveInput
        {
            PlanObjectiveId = o.PlanObjectiveId, Actual = o.IsTypedByHand ? o.Actual : null, Comment = o.Comment,
            Indicator = o.Indicator, Unit = o.Unit, MeasuredBy = o.MeasuredBy, Target = o.Target,
        }).ToList(),
        Participation = r.Participation.Select(p => new ParticipationInput { Group = p.Group, Served = p.Served, Expected = p.Expected }).ToList(),
    };

    /// <summary>Puts the shown parts of the rows back beside what was posted, after a failed save.</summary>
    public void Refill(EvaluationReport r, string projectName)
    {
        var shown = From(r, projectName);
        (ProjectId, ProjectName, Timing, Comments) = (shown.ProjectId, shown.ProjectName, shown.Timing, shown.Comments);
        foreach (var row in Objectives)
        {
            var o = shown.Objectives.FirstOrDefault(x => x.PlanObjectiveId == row.PlanObjectiveId);
            if (o is not null)
            {
                (row.Indicator, row.Unit, row.MeasuredBy, row.Target) = (o.Indicator, o.Unit, o.MeasuredBy, o.Target);
            }
        }
        foreach (var row in Participation)
        {
            row.Expected = shown.Participation.FirstOrDefault(x => x.Group == row.Group)?.Expected ?? 0;
        }
        Dimensions = shown.Dimensions.Select(d => Dimensions.FirstOrDefault(x => x.Dimension == d.Dimension) ?? d).ToList();
    }

    /// <summary>Copies what the staff may change onto the report; rows the plan no longer has are ignored.</summary>
    public void ApplyTo(EvaluationReport r, DateTime now)
    {
        (r.ByInterview, r.ByQuestionnaire, r.ByOtherMeans, r.OtherMeans) = (ByInterview, ByQuestionnaire, ByOtherMeans, ByOtherMeans ? OtherMeans.Trim() : "");
        (r.Summary, r.Improvements, r.UpdatedAt) = (Summary.Trim(), Improvements.Trim(), now);
        foreach (var d in r.Dimensions)
        {
            var input = Dimensions.FirstOrDefault(x => x.Dimension == d.Dimension);
            (d.Score, d.Narrative) = (input?.Score, input?.Narrative.Trim() ?? "");
        }
        foreach (var o in r.Objectives)
        {
            var input = Objectives.FirstOrDefault(x => x.PlanObjectiveId == o.PlanObjectiveId);
            o.Comment = input?.Comment.Trim() ?? "";
            if (o.IsTypedByHand)
            {
                o.Actual = input?.Actual;
            }
        }
        if (r.Participation.Count > 1)
        {
            foreach (var p in r.Participation)
            {
                p.Served = Participation.FirstOrDefault(x => x.Group == p.Group)?.Served;
            }
        }
    }

    public sealed class Validator : AbstractValidator<EvaluationEditForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.ByInterview).Must((f, _) => f.ByInterview || f.ByQuestionnaire || f.ByOtherMeans)
                .WithMessage(_ => l[EvaluationReport.NeedsMeans]);
            RuleFor(f => f.OtherMeans).NotEmpty().When(f => f.ByOtherMeans).WithMessage(_ => l["Say what the other means were."]);
            RuleFor(f => f.OtherMeans).MaximumLength(EvaluationReport.OtherMeansMaxLength).WithName(_ => l["Other means"]);
            RuleForEach(f => f.Dimensions).ChildRules(d =>
            {
                d.RuleFor(x => x.Score).InclusiveBetween(EvaluationDimensionScore.MinScore, EvaluationDimensionScore.MaxScore)
                    .WithMessage(_ => l[EvaluationReport.NeedsScores]);
                d.RuleFor(x => x.Narrative).MaximumLength(EvaluationDimensionScore.NarrativeMaxLength).WithName(_ => l["Narrative"]);
            });
            RuleForEach(f => f.Objectives).ChildRules(o =>
            {
                o.RuleFor(x => x.Actual).GreaterThanOrEqualTo(0).LessThan(10_000_000_000m).WithName(_ => l["Actual"]);
                o.RuleFor(x => x.Comment).MaximumLength(EvaluationObjective.CommentMaxLength).WithName(_ => l["Comment"]);
            });
            RuleForEach(f => f.Participation).ChildRules(p =>
                p.RuleFor(x => x.Served).GreaterThanOrEqualTo(0).WithName(_ => l["People reached"]));
            RuleFor(f => f.Summary).MaximumLength(EvaluationReport.TextMaxLength).WithName(_ => l["Summary"]);
            RuleFor(f => f.Improvements).MaximumLength(EvaluationReport.TextMaxLength).WithName(_ => l["Improvements"]);
        }
    }
}

/// <summary>A manager's review: approve, or return with a comment on each section that needs revising.</summary>
public sealed class EvaluationReviewForm
{
    /// <summary>Null when the post names no outcome: a missing choice is refused, never read as approval.</summary>
    public ReviewOutcome? Outcome { get; set; }
    public string Comment { get; set; } = "";
    public Dictionary<EvaluationSection, string> Sections { get; set; } = [];

    public sealed class Validator : AbstractValidator<EvaluationReviewForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Outcome).NotNull().WithMessage(_ => l[ReviewForm.ChooseOutcome]).IsInEnum().WithMessage(_ => l[ReviewForm.ChooseOutcome]);
            RuleFor(f => f.Comment).MaximumLength(EvaluationReport.TextMaxLength).WithName(_ => l["Comment"]);
            RuleFor(f => f.Sections).Must(s => s.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
                .When(f => f.Outcome == ReviewOutcome.Return).WithMessage(_ => l[EvaluationReport.NeedsSectionComment]);
            RuleForEach(f => f.Sections).Must(s => (s.Value ?? "").Length <= EvaluationSectionComment.TextMaxLength)
                .WithMessage(_ => l["A section comment is too long."]);
        }
    }
}
