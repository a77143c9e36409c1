using CommunityService.Data.Execution;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Progress;

public sealed class ProgressForm
{
    public string Text { get; set; } = "";

    public sealed class Validator : AbstractValidator<ProgressForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.Text).NotEmpty().MaximumLength(ProgressReport.TextMaxLength).WithName(_ => l["Progress report"]);
    }
}
