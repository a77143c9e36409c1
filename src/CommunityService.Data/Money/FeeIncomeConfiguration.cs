using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Money;

internal sealed class FeeIncomeConfiguration : IEntityTypeConfiguration<FeeIncome>
{
    public void Configure(EntityTypeBuilder<FeeIncome> builder)
    {
        builder.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Amount).HasPrecision(18, 2);
        builder.Property(f => f.Payer).HasMaxLength(FeeIncome.TextMaxLength);
        builder.Property(f => f.ReceiptNumber).HasMaxLength(Expense.ReceiptMaxLength);
        builder.Property(f => f.RecordedById).HasMaxLength(450);
        builder.HasIndex(f => new { f.ProjectId, f.ReceivedOn });
    }
}
