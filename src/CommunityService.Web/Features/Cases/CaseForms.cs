using CommunityService.Data.Cases;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Cases;

public static class CaseLimits
{
    public const int SubjectMaxLength = 200;

    /// <summary>
    /// Sized so the ciphertext fits its column: three UTF-8 bytes a character, Data Protection's header, IV and MAC,
    /// then base64url's 4/3 come to under <see cref="CaseFile.CipherMaxLength"/> (a unit test checks it).
    /// </summary>
    public const int TextMaxLength = 8_000;
}

/// <summary>
/// Opening and editing a case file. The worker is chosen only by a manager (a staff member who opens a file is its
/// worker); status, dates and project are not taken from the form beyond what an edit may change.
/// </summary>
public sealed class CaseForm
{
    public string Reference { get; set; } = "";
    public bool IsFamily { get; set; }
    public string Subject { get; set; } = "";
    public string Assessment { get; set; } = "";
    public string Goals { get; set; } = "";
    public string Plan { get; set; } = "";
    public CaseStatus Status { get; set; }
    public string WorkerId { get; set; } = "";
    public int Version { get; set; }

    public CaseText ToText(string closingSummary) => new(Subject.Trim(), Assessment.Trim(), Goals.Trim(), Plan.Trim(), closingSummary);

    public sealed class Validator : AbstractValidator<CaseForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Reference).NotEmpty().MaximumLength(CaseFile.SubjectMaxLength).WithName(_ => l["Reference"]);
            RuleFor(f => f.Subject).NotEmpty().MaximumLength(CaseLimits.SubjectMaxLength).WithName(_ => l["Person or family"]);
            RuleFor(f => f.Assessment).NotEmpty().MaximumLength(CaseLimits.TextMaxLength).WithName(_ => l["Assessment"]);
            RuleFor(f => f.Goals).MaximumLength(CaseLimits.TextMaxLength).WithName(_ => l["Goals"]);
            RuleFor(f => f.Plan).MaximumLength(CaseLimits.TextMaxLength).WithName(_ => l["Case plan"]);
            RuleFor(f => f.Status).IsInEnum().WithName(_ => l["Status"]);
        }
    }
}

public sealed class NoteForm
{
    public const string InTheFuture = "A contact cannot be in the future.";

    public string Text { get; set; } = "";

    /// <summary>When the contact took place, local time; empty means now.</summary>
    public DateTime? At { get; set; }

    public sealed class Validator : AbstractValidator<NoteForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, PortalTime time)
        {
            RuleFor(f => f.Text).NotEmpty().MaximumLength(CaseLimits.TextMaxLength).WithName(_ => l["Contact note"]);
            RuleFor(f => f.At).LessThanOrEqualTo(_ => time.Now.AddMinutes(5)).When(f => f.At is not null).WithMessage(_ => l[InTheFuture]);
            RuleFor(f => f.At).NearToday(l);
        }
    }
}

public sealed class CloseForm
{
    public string ClosingSummary { get; set; } = "";
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<CloseForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.ClosingSummary).NotEmpty().MaximumLength(CaseLimits.TextMaxLength).WithName(_ => l["Closing summary"]);
    }
}

public sealed class WorkerForm
{
    public const string NotOffered = "Choose a worker from the list.";

    public string UserId { get; set; } = "";

    /// <summary>Unassign instead of assign.</summary>
    public bool Remove { get; set; }

    public sealed class Validator : AbstractValidator<WorkerForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) => RuleFor(f => f.UserId).NotEmpty().WithMessage(_ => l[NotOffered]);
    }
}
