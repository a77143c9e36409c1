using CommunityService.Data.Execution;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Feedback;

public sealed class FeedbackForm
{
    public int? Rating { get; set; }
    public string Comment { get; set; } = "";

    public sealed class Validator : AbstractValidator<FeedbackForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Rating).NotNull().InclusiveBetween(1, 5).WithName(_ => l["Rating"]);
            RuleFor(f => f.Comment).MaximumLength(ServiceFeedback.CommentMaxLength).WithName(_ => l["Comment"]);
        }
    }
}
