from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """The article editor's form: the page's own checks see the references being submitted."""

    def clean(self):
        cleaned_data = super().clean()
        # Django runs ArticlePage.clean() after this method. It checks every statistic against
        # the article's references, so give it the list on screen rather than the stored one;
        # otherwise a statistic citing a reference added in the same edit would be refused.
        references = self.formsets.get("references")
        if references is not None and references.is_valid():
            references.save(commit=False)
        return cleaned_data
