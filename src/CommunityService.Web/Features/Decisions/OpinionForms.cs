using CommunityService.Data.Decisions;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Decisions;

/// <summary>A representative's own opinion on a proposal, given online; sending it again changes it.</summary>
public sealed class OpinionForm
{
    public OpinionStance? Stance { get; set; }
    public string Comment { get; set; } = "";

    public sealed class Validator : AbstractValidator<OpinionForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Stance).NotNull().WithMessage(_ => l["Please choose support, oppose or suggest."]).IsInEnum();
            RuleFor(f => f.Comment).NotEmpty().When(f => f.Stance is OpinionStance.Oppose or OpinionStance.Suggest).WithMessage(_ => l["Please say why you oppose, or what you suggest."])
                .MaximumLength(ProjectOpinion.CommentMaxLength).WithName(_ => l["Comment"]);
        }
    }
}

/// <summary>An opinion voiced at a residents' meeting (居民代表议事会), typed in by staff.</summary>
public sealed class MeetingOpinionForm
{
    public string SpeakerName { get; set; } = "";
    public string MeetingName { get; set; } = "";
    public DateTime? At { get; set; }
    public OpinionStance? Stance { get; set; }
    public string Comment { get; set; } = "";

    public sealed class Validator : AbstractValidator<MeetingOpinionForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.SpeakerName).NotEmpty().MaximumLength(ProjectOpinion.NameMaxLength).PersonName(l).WithName(_ => l["Speaker"]);
            RuleFor(f => f.MeetingName).NotEmpty().MaximumLength(ProjectOpinion.NameMaxLength).WithName(_ => l["Meeting"]);
            RuleFor(f => f.At).NotNull().WithName(_ => l["When"]);
            RuleFor(f => f.At).NearToday(l);
            RuleFor(f => f.Stance).NotNull().WithMessage(_ => l["Please choose support, oppose or suggest."]).IsInEnum();
            RuleFor(f => f.Comment).NotEmpty().When(f => f.Stance is OpinionStance.Oppose or OpinionStance.Suggest).WithMessage(_ => l["Please say why you oppose, or what you suggest."])
                .MaximumLength(ProjectOpinion.CommentMaxLength).WithName(_ => l["Comment"]);
        }
    }
}
