from django.urls import path

from . import views

app_name = "sdg"

urlpatterns = [
    path("", views.GoalListView.as_view(), name="goal-list"),
    path("<int:number>/", views.GoalDetailView.as_view(), name="goal-detail"),
]
