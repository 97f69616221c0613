using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StudentAid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aid_applications",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    class_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    school_year = table.Column<int>(type: "integer", nullable: false),
                    scheme = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    review_note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aid_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "aid_payments",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aid_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_aid_payments_aid_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "growth",
                        principalTable: "aid_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aid_applications_school_year_org_unit_id",
                schema: "growth",
                table: "aid_applications",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_aid_applications_student_id_school_year_scheme",
                schema: "growth",
                table: "aid_applications",
                columns: new[] { "student_id", "school_year", "scheme" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aid_payments_application_id",
                schema: "growth",
                table: "aid_payments",
                column: "application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aid_payments",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "aid_applications",
                schema: "growth");
        }
    }
}
