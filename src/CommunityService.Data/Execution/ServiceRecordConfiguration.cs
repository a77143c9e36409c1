using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Execution;

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.Property(r => r.RecipientName).HasMaxLength(ServiceRecord.RecipientMaxLength).IsRequired();
        builder.Property(r => r.ResidentId).HasMaxLength(450);
        builder.Property(r => r.DeliveryMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Description).HasMaxLength(ServiceRecord.DescriptionMaxLength);
        builder.Property(r => r.RecordedById).HasMaxLength(450).IsRequired();
        builder.HasIndex(r => new { r.ProjectId, r.DeliveredAt });
    }
}
