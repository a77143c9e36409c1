using CommunityService.Data.Participation;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.SignUps;

/// <summary>A resident signing up, or staff putting someone on the list who came in or called.</summary>
public sealed class SignUpForm
{
    public int NoticeId { get; set; }
    public int SessionId { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Note { get; set; } = "";

    /// <summary>Only for staff: how the person reached the list.</summary>
    public SignUpChannel Channel { get; set; } = SignUpChannel.InPerson;

    public sealed class Validator : AbstractValidator<SignUpForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Name).NotEmpty().MaximumLength(SignUp.NameMaxLength).OwnName(l).WithName(_ => l["Full name"]);
            RuleFor(f => f.Phone).NotEmpty().MaximumLength(SignUp.PhoneMaxLength).WithName(_ => l["Phone"])
                .Must(PhoneNumbers.IsPlausible).WithMessage(_ => l[PhoneNumbers.Invalid]);
            RuleFor(f => f.Note).MaximumLength(SignUp.NoteMaxLength).WithName(_ => l["Note"]);
            RuleFor(f => f.Channel).IsInEnum().WithName(_ => l["How they signed up"]);
        }
    }
}

/// <summary>A new session: when, where, how many places. Times are typed in local time.</summary>
public sealed class SessionForm
{
    public string Title { get; set; } = "";
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string Place { get; set; } = "";
    public int Capacity { get; set; }

    /// <summary>A series: the same time every week, this many weeks in all (1 = a single session).</summary>
    public int Weeks { get; set; } = 1;

    public const int MaxWeeks = 52;

    public sealed class Validator : AbstractValidator<SessionForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, PortalTime time)
        {
            RuleFor(f => f.Title).NotEmpty().MaximumLength(ServiceSession.TitleMaxLength).WithName(_ => l["Session"]);
            RuleFor(f => f.StartsAt).NotNull().WithName(_ => l["Starts"])
                .GreaterThan(_ => time.Now).WithMessage(_ => l["A new session must start in the future."]);
            RuleFor(f => f.StartsAt).NearToday(l);
            RuleFor(f => f.EndsAt).NotNull().WithName(_ => l["Ends"])
                .GreaterThan(f => f.StartsAt).When(f => f.StartsAt is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => l[ServiceSession.EndsBeforeStart]);
            RuleFor(f => f.EndsAt).NearToday(l);
            RuleFor(f => f.Place).NotEmpty().MaximumLength(ServiceSession.PlaceMaxLength).WithName(_ => l["Place"]);
            RuleFor(f => f.Capacity).InclusiveBetween(1, ServiceSession.MaxCapacity).WithName(_ => l["Places"]);
            RuleFor(f => f.Weeks).InclusiveBetween(1, MaxWeeks).WithName(_ => l["Weeks"]);
        }
    }
}

public sealed class CapacityForm
{
    public int Capacity { get; set; }

    /// <summary>The number of places on the page the person changed (someone else may have changed it since).</summary>
    public int? Shown { get; set; }

    public sealed class Validator : AbstractValidator<CapacityForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.Capacity).InclusiveBetween(1, ServiceSession.MaxCapacity).WithName(_ => l["Places"]);
    }
}
