using CommunityService.Data;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Surveys;

public sealed class SurveyForm
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool UsesQuestionnaire { get; set; } = true;
    public bool UsesInterview { get; set; }
    public bool UsesObservation { get; set; }
    public bool AllowAnonymous { get; set; }
    public List<int> CommunityIds { get; set; } = [];
    public int Version { get; set; }

    /// <summary>Set by the controller from the survey, never taken from the post: a satisfaction questionnaire hides who it goes to.</summary>
    public bool IsSatisfaction { get; set; }

    public sealed class Validator : AbstractValidator<SurveyForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, CommunityServiceDbContext db)
        {
            RuleFor(f => f.Title).NotEmpty().MaximumLength(Survey.TitleMaxLength).WithName(_ => l["Title"]);
            RuleFor(f => f.Purpose).MaximumLength(Survey.PurposeMaxLength).WithName(_ => l["Purpose"]);
            RuleFor(f => f.StartDate).NotNull().WithName(_ => l["Start date"]);
            RuleFor(f => f.StartDate).NearToday(l);
            RuleFor(f => f.EndDate).NotNull().WithName(_ => l["End date"])
                .GreaterThanOrEqualTo(f => f.StartDate).When(f => f.StartDate is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l[Data.Plans.ServicePlan.EndBeforeStart]);
            RuleFor(f => f.EndDate).NearToday(l);
            RuleFor(f => f.UsesQuestionnaire).Must((f, _) => f.UsesQuestionnaire || f.UsesInterview || f.UsesObservation)
                .WithMessage(_ => l[Survey.NeedsMethod]);
            RuleFor(f => f.CommunityIds).NotEmpty().WithMessage(_ => l[Survey.NeedsCommunity])
                .MustAsync(async (ids, ct) => await db.Communities.CountAsync(c => ids.Contains(c.Id), ct) == ids.Distinct().Count())
                .WithMessage(_ => l[Survey.NeedsCommunity]);
        }
    }
}

public sealed class QuestionForm
{
    public const int MaxOptions = 20;

    public int Id { get; set; }
    public QuestionType Type { get; set; }
    public string Text { get; set; } = "";
    public bool Required { get; set; }
    public bool AllowOther { get; set; }

    /// <summary>The options of a choice question, one per line.</summary>
    public string Options { get; set; } = "";
    public int? ConditionQuestionId { get; set; }

    /// <summary>The option of the condition question, by its text (the options of a new question have no ids yet).</summary>
    public string ConditionOption { get; set; } = "";

    public List<string> OptionLines() =>
        Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public sealed class Validator : AbstractValidator<QuestionForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Type).IsInEnum();
            RuleFor(f => f.Text).NotEmpty().MaximumLength(SurveyQuestion.TextMaxLength).WithName(_ => l["Question"]);
            RuleFor(f => f.Options).Must((f, _) => f.OptionLines().Count >= 2)
                .When(f => f.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
                .WithMessage(_ => l["A choice question needs at least two options, one per line."]);
            RuleFor(f => f.Options).Must((f, _) => f.OptionLines().Count <= MaxOptions && f.OptionLines().All(o => o.Length <= QuestionOption.TextMaxLength))
                .WithMessage(_ => l["At most 20 options of up to 200 characters each."]);
            RuleFor(f => f.ConditionOption).NotEmpty().When(f => f.ConditionQuestionId is not null)
                .WithMessage(_ => l["Choose the answer that shows this question."]);
        }
    }
}

public sealed class FieldNoteForm
{
    public FieldNoteKind Kind { get; set; }
    public int? CommunityId { get; set; }
    public string Who { get; set; } = "";
    public string Where { get; set; } = "";
    public DateTime? When { get; set; }
    public string Content { get; set; } = "";

    public sealed class Validator : AbstractValidator<FieldNoteForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Kind).IsInEnum();
            RuleFor(f => f.Who).NotEmpty().MaximumLength(FieldNote.ShortMaxLength).WithName(_ => l["Who"]);
            RuleFor(f => f.Where).NotEmpty().MaximumLength(FieldNote.ShortMaxLength).WithName(_ => l["Where"]);
            RuleFor(f => f.When).NotNull().WithName(_ => l["When"]);
            RuleFor(f => f.When).NearToday(l);
            RuleFor(f => f.Content).NotEmpty().MaximumLength(FieldNote.ContentMaxLength).WithName(_ => l["What was seen or said"]);
        }
    }
}
