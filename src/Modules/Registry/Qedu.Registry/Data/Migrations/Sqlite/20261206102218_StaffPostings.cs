using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_staff_postings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_staff_postings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_staff_postings_org_unit_id_id",
                table: "registry_staff_postings",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_staff_postings_staff_id",
                table: "registry_staff_postings",
                column: "staff_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_staff_postings");
        }
    }
}
