from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('experiences', '0002_records_portfolio'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='skill',
            options={'ordering': ['key'], 'verbose_name': 'savoir-faire', 'verbose_name_plural': 'savoir-faire'},
        ),
        migrations.AlterField(
            model_name='skill',
            name='key',
            field=models.CharField(blank=True, editable=False, error_messages={'unique': 'Ce savoir-faire est déjà dans la liste.'}, help_text='Le nom sans majuscules, accents ni espaces en trop : un seul savoir-faire par forme.', max_length=120, unique=True, verbose_name='forme comparée'),
        ),
    ]
