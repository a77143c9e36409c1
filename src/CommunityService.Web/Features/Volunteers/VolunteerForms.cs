using CommunityService.Data.Participation;
using CommunityService.Data.Volunteers;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Volunteers;

/// <summary>The volunteer's own profile: what they can do and when they are free.</summary>
public sealed class VolunteerProfileForm
{
    public string Skills { get; set; } = "";
    public string Availability { get; set; } = "";
    public int Version { get; set; }

    public static VolunteerProfileForm From(VolunteerProfile p) => new() { Skills = p.Skills, Availability = p.Availability, Version = p.Version };

    public sealed class Validator : AbstractValidator<VolunteerProfileForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Skills).MaximumLength(VolunteerProfile.TextMaxLength).WithName(_ => l["Skills"]);
            RuleFor(f => f.Availability).NotEmpty().WithMessage(_ => l["Please say when you are free to help."])
                .MaximumLength(VolunteerProfile.TextMaxLength).WithName(_ => l["When I am free"]);
        }
    }
}

/// <summary>The minutes a volunteer gave at a shift. Only the minutes are bound: status and confirmed minutes are staff's.</summary>
public sealed class LogHoursForm
{
    public int? Minutes { get; set; }
    public int Version { get; set; }

    public sealed class Validator : AbstractValidator<LogHoursForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Minutes).NotNull().WithMessage(_ => l[Shift.MinutesOutOfRange])
                .InclusiveBetween(1, Shift.MaxMinutes).WithMessage(_ => l[Shift.MinutesOutOfRange]);
        }
    }
}

/// <summary>Staff confirm a shift's minutes: as logged (the minutes left as they are), or corrected with a note.</summary>
public sealed class ConfirmShiftForm
{
    public int? Minutes { get; set; }
    public string Note { get; set; } = "";
    public int Version { get; set; }

    /// <summary>The page of the list the form was on, to show it again with the input kept.</summary>
    public int Page { get; set; } = 1;

    public sealed class Validator : AbstractValidator<ConfirmShiftForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Minutes).InclusiveBetween(0, Shift.MaxMinutes).WithMessage(_ => l[Shift.ConfirmMinutesOutOfRange]);
            RuleFor(f => f.Note).MaximumLength(Shift.NoteMaxLength).WithName(_ => l["Note"]);
        }
    }
}

/// <summary>Staff put a colleague on duty at one of the project's sessions.</summary>
public sealed class OnDutyForm
{
    public int? SessionId { get; set; }
    public string UserId { get; set; } = "";

    public sealed class Validator : AbstractValidator<OnDutyForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.SessionId).NotNull().WithMessage(_ => l["Please choose a session."]);
            RuleFor(f => f.UserId).NotEmpty().WithMessage(_ => l["Please choose a staff member."]);
        }
    }
}

public sealed class VolunteersNeededForm
{
    public int VolunteersNeeded { get; set; }

    public sealed class Validator : AbstractValidator<VolunteersNeededForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.VolunteersNeeded).InclusiveBetween(0, ServiceSession.MaxCapacity).WithName(_ => l["Volunteers needed"]);
        }
    }
}

/// <summary>The hours list's filter: a period of whole local days (both included), a project, a community.</summary>
public sealed class HoursFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Project { get; set; }
    public int? Community { get; set; }

    public HourPeriod Period => new(From, To);
}
