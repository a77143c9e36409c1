using CommunityService.Data.Publicity;
using CommunityService.Web.Shared.Forms;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Notices;

/// <summary>A notice as staff write it. The publish window is typed in local time.</summary>
public sealed class NoticeForm
{
    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public int? NoticeId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Audience { get; set; } = "";
    public string Schedule { get; set; } = "";
    public string Place { get; set; } = "";
    public string Fee { get; set; } = "";
    public string HowToJoin { get; set; } = "";
    public string Contact { get; set; } = "";
    public DateTime? VisibleFrom { get; set; }
    public DateTime? VisibleUntil { get; set; }
    public int Version { get; set; }

    public void CopyTo(Notice notice, PortalTime time)
    {
        notice.Title = Title.Trim();
        notice.Body = Body.Trim();
        notice.Audience = Audience.Trim();
        notice.Schedule = Schedule.Trim();
        notice.Place = Place.Trim();
        notice.Fee = Fee.Trim();
        notice.HowToJoin = HowToJoin.Trim();
        notice.Contact = Contact.Trim();
        notice.VisibleFrom = VisibleFrom is { } from ? time.ToUtc(from) : null;
        notice.VisibleUntil = VisibleUntil is { } until ? time.ToUtc(until) : null;
    }

    public static NoticeForm From(Notice notice, string projectName, PortalTime time) => new()
    {
        ProjectId = notice.ProjectId, ProjectName = projectName, NoticeId = notice.Id, Title = notice.Title, Body = notice.Body,
        Audience = notice.Audience, Schedule = notice.Schedule, Place = notice.Place, Fee = notice.Fee, HowToJoin = notice.HowToJoin,
        Contact = notice.Contact, VisibleFrom = time.Local(notice.VisibleFrom), VisibleUntil = time.Local(notice.VisibleUntil),
        Version = notice.Version,
    };

    public sealed class Validator : AbstractValidator<NoticeForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Title).NotEmpty().MaximumLength(Notice.TitleMaxLength).WithName(_ => l["Title"]);
            RuleFor(f => f.Body).NotEmpty().MaximumLength(Notice.BodyMaxLength).WithName(_ => l["What the service is"]);
            RuleFor(f => f.Audience).NotEmpty().MaximumLength(Notice.FactMaxLength).WithName(_ => l["Who it is for"]);
            RuleFor(f => f.Schedule).NotEmpty().MaximumLength(Notice.FactMaxLength).WithName(_ => l["When"]);
            RuleFor(f => f.Place).NotEmpty().MaximumLength(Notice.FactMaxLength).WithName(_ => l["Where"]);
            RuleFor(f => f.Fee).NotEmpty().MaximumLength(Notice.FactMaxLength).WithName(_ => l["Fee"]);
            RuleFor(f => f.HowToJoin).NotEmpty().MaximumLength(Notice.FactMaxLength).WithName(_ => l["How to take part"]);
            RuleFor(f => f.Contact).NotEmpty().MaximumLength(Notice.ContactMaxLength).WithName(_ => l["Contact"]);
            RuleFor(f => f.VisibleUntil).GreaterThan(f => f.VisibleFrom)
                .When(f => f.VisibleFrom is not null && f.VisibleUntil is not null)
                .WithMessage(_ => l[Notice.WindowEndsBeforeStart]);
            RuleFor(f => f.VisibleUntil).NearToday(l);
            RuleFor(f => f.VisibleFrom).NearToday(l);
        }
    }
}

/// <summary>One time the notice went out on a channel.</summary>
public sealed class ChannelForm
{
    public PublicityChannel? Channel { get; set; }
    public string Where { get; set; } = "";
    public DateOnly? SentOn { get; set; }

    public sealed class Validator : AbstractValidator<ChannelForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.Channel).NotNull().IsInEnum().WithName(_ => l["Channel"]);
            RuleFor(f => f.Where).NotEmpty().When(f => f.Channel != PublicityChannel.Portal).MaximumLength(NoticeChannel.WhereMaxLength)
                .WithName(_ => l["Where it went out"]);
            RuleFor(f => f.SentOn).NotNull().WithName(_ => l["Date"]);
            RuleFor(f => f.SentOn).NearToday(l);
        }
    }
}
