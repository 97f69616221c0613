using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Plans.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetIndicatorUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "indicator_org_unit_id",
                table: "plans_targets",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "indicator_org_unit_id",
                table: "plans_targets");
        }
    }
}
