using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_postings",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    staff_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: true),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_postings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_postings_org_unit_id_id",
                schema: "registry",
                table: "staff_postings",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_postings_staff_id",
                schema: "registry",
                table: "staff_postings",
                column: "staff_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_postings",
                schema: "registry");
        }
    }
}
