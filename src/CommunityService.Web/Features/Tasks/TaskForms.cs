using CommunityService.Data.Execution;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Tasks;

public sealed class TaskForm
{
    public string Title { get; set; } = "";
    public string ResponsibleId { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public string Note { get; set; } = "";

    public sealed class Validator : AbstractValidator<TaskForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Title).NotEmpty().MaximumLength(ProjectTask.TitleMaxLength).WithName(_ => l["Task"]);
            RuleFor(f => f.ResponsibleId).NotEmpty().WithName(_ => l["Responsible"]);
            RuleFor(f => f.DueOn).NotNull().WithName(_ => l["Due"]);
            RuleFor(f => f.DueOn).NearToday(l);
            RuleFor(f => f.Note).MaximumLength(ProjectTask.NoteMaxLength).WithName(_ => l["Note"]);
        }
    }
}

public sealed class TaskStatusForm
{
    public WorkStatus? Status { get; set; }
    public int Version { get; set; }
    public string? ReturnUrl { get; set; }

    public sealed class Validator : AbstractValidator<TaskStatusForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) => RuleFor(f => f.Status).NotNull().IsInEnum().WithName(_ => l["Status"]);
    }
}
