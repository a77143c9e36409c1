using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Plans;

internal sealed class PlanBeneficiaryConfiguration : IEntityTypeConfiguration<PlanBeneficiary>
{
    public void Configure(EntityTypeBuilder<PlanBeneficiary> builder)
    {
        builder.HasKey(b => new { b.PlanId, b.Group });
        builder.Property(b => b.Group).HasConversion<string>().HasMaxLength(20);
    }
}
