using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Family.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HomeVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "home_visits",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    class_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    teacher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: true),
                    participants = table.Column<byte[]>(type: "bytea", nullable: true),
                    notes = table.Column<byte[]>(type: "bytea", nullable: true),
                    cancelled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    planned_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    planned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_home_visits", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_home_visits_org_unit_id_status_visited_on",
                schema: "family",
                table: "home_visits",
                columns: new[] { "org_unit_id", "status", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_home_visits_student_id",
                schema: "family",
                table: "home_visits",
                column: "student_id",
                unique: true,
                filter: "status = 'Planned'");

            migrationBuilder.CreateIndex(
                name: "ix_home_visits_student_id_planned_on",
                schema: "family",
                table: "home_visits",
                columns: new[] { "student_id", "planned_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "home_visits",
                schema: "family");
        }
    }
}
