using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Records;

public sealed class RecordForm
{
    public int ProjectId { get; set; }
    public string ProjectName { get; set; } = "";
    public string RecipientName { get; set; } = "";
    public DateTime? DeliveredAt { get; set; }
    public DeliveryMode DeliveryMode { get; set; }
    public int DurationMinutes { get; set; }
    public string Description { get; set; } = "";

    public sealed class Validator : AbstractValidator<RecordForm>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(f => f.RecipientName).NotEmpty().MaximumLength(ServiceRecord.RecipientMaxLength).PersonName(l).WithName(_ => l["Recipient"]);
            RuleFor(f => f.DeliveredAt).NotNull().WithName(_ => l["Date"]);
            RuleFor(f => f.DeliveredAt).NearToday(l);
            RuleFor(f => f.DeliveryMode).IsInEnum().NotEqual(DeliveryMode.Both).WithMessage(_ => l["Choose at the facility or at home."]);
            RuleFor(f => f.DurationMinutes).InclusiveBetween(1, 24 * 60).WithName(_ => l["Minutes"]);
            RuleFor(f => f.Description).NotEmpty().MaximumLength(ServiceRecord.DescriptionMaxLength).WithName(_ => l["What was done"]);
        }
    }
}
