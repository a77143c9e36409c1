using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Plans;

internal sealed class PlanBudgetLineConfiguration : IEntityTypeConfiguration<PlanBudgetLine>
{
    public void Configure(EntityTypeBuilder<PlanBudgetLine> builder)
    {
        builder.Property(b => b.Item).HasMaxLength(PlanBudgetLine.ItemMaxLength).IsRequired();
        builder.Property(b => b.Amount).HasPrecision(12, 2);
        builder.Property(b => b.Source).HasConversion<string>().HasMaxLength(30);
    }
}
