using CommunityService.Data.Participation;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.HomeVisits;

/// <summary>
/// What a resident (or staff for them) asks for. Status, worker and schedule are not on it, so a posted
/// <c>Status</c> or <c>AssignedWorkerId</c> binds to nothing.
/// </summary>
public sealed class HomeVisitForm
{
    public const string FromInThePast = "The first preferred day cannot be in the past.";

    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Address { get; set; } = "";
    public string Need { get; set; } = "";
    public DateOnly? PreferredFrom { get; set; }
    public DateOnly? PreferredTo { get; set; }
    public TimeOfDay PreferredTime { get; set; }

    public sealed class Validator : AbstractValidator<HomeVisitForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, PortalTime time)
        {
            RuleFor(f => f.Name).NotEmpty().MaximumLength(HomeVisitRequest.NameMaxLength).OwnName(l).WithName(_ => l["Full name"]);
            RuleFor(f => f.Phone).NotEmpty().WithName(_ => l["Phone"])
                .Must(PhoneNumbers.IsPlausible).WithMessage(_ => l[PhoneNumbers.Invalid]);
            RuleFor(f => f.Address).NotEmpty().MaximumLength(HomeVisitRequest.AddressMaxLength).WithName(_ => l["Address"]);
            RuleFor(f => f.Need).NotEmpty().MaximumLength(HomeVisitRequest.NeedMaxLength).WithName(_ => l["Need"]);
            RuleFor(f => f.PreferredFrom).NotNull().WithName(_ => l["Earliest day"])
                .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(time.Now)).When(f => f.PreferredFrom is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => l[FromInThePast]);
            RuleFor(f => f.PreferredFrom).NearToday(l);
            RuleFor(f => f.PreferredTo).NotNull().WithName(_ => l["Latest day"])
                .GreaterThanOrEqualTo(f => f.PreferredFrom).When(f => f.PreferredFrom is not null && f.PreferredTo is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => l[HomeVisitRequest.WindowEndsBeforeStart]);
            RuleFor(f => f.PreferredTo).NearToday(l);
            RuleFor(f => f.PreferredTime).IsInEnum().WithName(_ => l["Time of day"]);
        }
    }
}

public sealed class AcceptForm
{
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<AcceptForm>
    {
        public Validator() => RuleFor(f => f.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class DeclineForm
{
    public string Reason { get; set; } = "";
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<DeclineForm>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(f => f.Reason).NotEmpty().WithMessage(_ => l[HomeVisitRequest.NeedsReason])
                .MaximumLength(HomeVisitRequest.ReasonMaxLength).WithName(_ => l["Reason"]);
    }
}

public sealed class ScheduleForm
{
    public const string WorkerNotOffered = "Choose a worker from the list.";
    public const string AtInThePast = "The visit cannot be scheduled on a day that has passed.";

    /// <summary>The visit's local date and time, as typed.</summary>
    public DateTime? At { get; set; }
    public string WorkerId { get; set; } = "";
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<ScheduleForm>
    {
        public Validator(IStringLocalizer<SharedResource> l, PortalTime time)
        {
            RuleFor(f => f.At).NotNull().WithName(_ => l["Visit time"])
                .GreaterThanOrEqualTo(_ => time.Now.Date).When(f => f.At is not null, ApplyConditionTo.CurrentValidator).WithMessage(_ => l[AtInThePast]);
            RuleFor(f => f.At).NearToday(l);
            RuleFor(f => f.WorkerId).NotEmpty().WithMessage(_ => l[WorkerNotOffered]);
        }
    }
}
