<div class="saa-cover">
  <p class="saa-cover-kicker">AWS Certified Solutions Architect – Associate (SAA-C03)</p>
  <h1>{{ config.site_name }}</h1>
  <p class="saa-cover-desc">{{ config.site_description }}</p>
  <p class="saa-cover-meta">Study notes in 22 chapters, chapter quizzes with answer keys, limits checked against AWS documentation, and calculators.</p>
  <p class="saa-cover-meta">Built <span class="saa-cover-date">{{ config.extra.build_date }}</span> from <a href="{{ config.repo_url }}">{{ config.repo_url }}</a></p>
</div>
