using CommunityService.Data.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationBudgetLineConfiguration : IEntityTypeConfiguration<EvaluationBudgetLine>
{
    public void Configure(EntityTypeBuilder<EvaluationBudgetLine> builder)
    {
        builder.Property(b => b.Item).HasMaxLength(PlanBudgetLine.ItemMaxLength);
        builder.Property(b => b.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.Planned).HasPrecision(12, 2);
        builder.Property(b => b.Spent).HasPrecision(12, 2);
    }
}
