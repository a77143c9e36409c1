using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Money;

internal sealed class ExpenseConfiguration : IEntityTypeConfiguration<Expense>
{
    public void Configure(EntityTypeBuilder<Expense> builder)
    {
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.BudgetItem).HasMaxLength(Plans.PlanBudgetLine.ItemMaxLength).IsRequired();
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ReceiptNumber).HasMaxLength(Expense.ReceiptMaxLength);
        builder.Property(e => e.Description).HasMaxLength(Expense.TextMaxLength);
        builder.Property(e => e.RecordedById).HasMaxLength(450);
        builder.HasIndex(e => new { e.ProjectId, e.SpentOn });
    }
}
